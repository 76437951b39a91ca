-- F-OPS-4: the scheduled purges find ended rows by these columns (each is written once, at insert or at sending)
create index one_time_code_expires on one_time_code (expires_at);
create index user_invitation_expires on user_invitation (expires_at);
-- sent messages by when they were sent (finally failed ones use outbox_message_due)
create index outbox_message_sent on outbox_message (status, sent_at);
