-- The audit read's filters by user and by event name, newest first (see AuditRepository): without
-- these, a filter matching few events walks the whole time index.
CREATE INDEX audit_events_contact_ix ON audit_events (contact_id, occurred_at);
CREATE INDEX audit_events_event_ix ON audit_events (event, occurred_at);
