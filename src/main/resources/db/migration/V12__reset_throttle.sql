-- F-ACCOUNT-1: "Forgot password?" requests counted in fixed windows, per client network and per account, shared by
-- every node and kept across restarts
create table reset_throttle (
    throttle_key  varchar(400) not null primary key,
    window_start  timestamp with time zone not null,
    requests      integer      not null
);
