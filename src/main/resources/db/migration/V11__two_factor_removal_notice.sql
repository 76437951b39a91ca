-- Issue 15 §4: an admin deleted the user's 2FA setup (authenticator and backup codes). The user's sign-ins say so
-- until one of them completes; then the row goes.
create table two_factor_removal (
    user_id     bigint not null primary key references app_user (id) on delete cascade,
    removed_at  timestamp with time zone not null
);
