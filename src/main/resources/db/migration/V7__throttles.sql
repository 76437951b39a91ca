-- growing delays before the second-factor lock: when the last wrong answer came
alter table app_user add column second_factor_failed_at timestamp with time zone;

-- password-step throttles per account and per IP, shared by every node and kept across restarts
create table login_throttle (
    throttle_key     varchar(400) not null primary key,
    failures         integer      not null,
    last_failure_at  timestamp with time zone not null
);
