-- Issue 14: what is left of a revoked Auth Key, so the console can show it (greyed, with when and
-- by whom) instead of it vanishing. Never its digest: a revoked value names no key, so
-- authentication and the REST API's authinfo reads, which use auth_keys alone, stay as they were.
-- id is the key's own id; revoked_by is the login that revoked it, NULL for a leak report.
CREATE TABLE revoked_keys (
    id           BIGINT        PRIMARY KEY,
    user_id      BIGINT        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    hint         VARCHAR(24)   NOT NULL,
    name         VARCHAR(100)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE,
    last_used_at TIMESTAMP WITH TIME ZONE,
    last_ip      VARCHAR(64),
    restriction  VARCHAR(2000),
    revoked_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_by   VARCHAR(64)
);

CREATE INDEX revoked_keys_user_ix ON revoked_keys (user_id, revoked_at);
