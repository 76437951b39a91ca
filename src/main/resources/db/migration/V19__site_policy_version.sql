-- Issue 19 (F-API-1): a version of each site's sign-in policy (MFA mode, factors, code lifetime, remembered browsers,
-- passkey requirement), bumped by every write of it, the admin page's included. The API's ETag of a policy is this
-- version, and an update sent with If-Match claims it with a conditional update, so a lost update is a 412 even when
-- two updates race.
alter table site add column policy_version bigint default 0 not null;
