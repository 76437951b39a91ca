-- Issue 13: a new email address the organisation enters for a user who already has a password waits here until
-- the user confirms it from that address with their password. Until then login_key and email stay the confirmed
-- address, so sign-in, codes and password links keep using it.
alter table app_user add column pending_email varchar(320);

-- user_invitation holds two kinds of single-use links now: PASSWORD (an invitation or a reset: choose a password)
-- and EMAIL (confirm a pending email address). For an EMAIL link, email is the address it was sent to and attempts
-- counts the wrong passwords typed on it; the link dies after five.
alter table user_invitation add column purpose varchar(10) default 'PASSWORD' not null;
alter table user_invitation add column email varchar(320);
alter table user_invitation add column attempts integer default 0 not null;
