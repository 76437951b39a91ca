-- F-API (issue 19): the back office's own ids for accounts and contact persons, so its nightly sync can upsert by
-- them, and a version per row for ETag / If-Match: every update bumps it, conditionally on the version the caller
-- read, so a lost update is refused even under races. A unique index allows any number of rows without an id.
alter table account add column external_id varchar(100);
alter table account add column version bigint default 0 not null;
create unique index account_external_id on account (external_id);

alter table contact_person add column external_id varchar(100);
alter table contact_person add column version bigint default 0 not null;
create unique index contact_person_external_id on contact_person (external_id);
