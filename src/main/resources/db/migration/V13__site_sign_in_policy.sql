-- F-DEVICE: how many days a site lets a browser skip the second factor after one (null: off);
-- F-ASSURANCE: whether a site requires phishing-resistant sign-in (OFF, FLAGGED users only, ALL users)
alter table site add column remember_days integer;
alter table site add column phishing_resistant varchar(10) default 'OFF' not null;
update site set remember_days = 30;
