-- the audit log is filtered by event type over time
create index audit_event_type on audit_event (type, occurred_at);
