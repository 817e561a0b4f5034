-- Mezite schema 1 for PostgreSQL (11 or newer). Keep it in step with ../sqlite/V1__init.sql: same tables, columns and indexes.
-- Times are epoch milliseconds (UTC) in BIGINT columns. JSON columns hold text the store encodes and decodes.
-- Secret columns (users.totp_secret, certificate_authorities.private_key) hold bytes the caller has encrypted.

CREATE TABLE users (
    id            TEXT    NOT NULL PRIMARY KEY,
    username      TEXT    NOT NULL,
    password_hash TEXT,
    roles         TEXT    NOT NULL DEFAULT '[]',
    traits        TEXT    NOT NULL DEFAULT '{}',
    totp_secret   BYTEA,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until  BIGINT,
    created_at    BIGINT  NOT NULL,
    updated_at    BIGINT  NOT NULL,
    CONSTRAINT users_username_key UNIQUE (username)
);

CREATE TABLE roles (
    id         TEXT   NOT NULL PRIMARY KEY,
    name       TEXT   NOT NULL,
    spec       TEXT   NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CONSTRAINT roles_name_key UNIQUE (name)
);

CREATE TABLE certificate_authorities (
    id           TEXT   NOT NULL PRIMARY KEY,
    type         TEXT   NOT NULL CHECK (type IN ('user', 'host')),
    cluster_name TEXT   NOT NULL,
    public_key   TEXT   NOT NULL,
    private_key  BYTEA  NOT NULL,
    created_at   BIGINT NOT NULL,
    CONSTRAINT certificate_authorities_cluster_type_key UNIQUE (cluster_name, type)
);

CREATE TABLE nodes (
    id             TEXT   NOT NULL PRIMARY KEY,
    hostname       TEXT   NOT NULL,
    addr           TEXT,
    labels         TEXT   NOT NULL DEFAULT '{}',
    tunnel_id      TEXT,
    last_heartbeat BIGINT,
    created_at     BIGINT NOT NULL
);
CREATE INDEX nodes_hostname_idx ON nodes (hostname);

CREATE TABLE sessions (
    id             TEXT   NOT NULL PRIMARY KEY,
    type           TEXT   NOT NULL,
    username       TEXT   NOT NULL,
    login          TEXT   NOT NULL,
    node_id        TEXT,
    client_addr    TEXT,
    recording_path TEXT,
    started_at     BIGINT NOT NULL,
    ended_at       BIGINT
);
CREATE INDEX sessions_started_at_idx ON sessions (started_at);
CREATE INDEX sessions_username_idx ON sessions (username, started_at);
CREATE INDEX sessions_active_idx ON sessions (started_at) WHERE ended_at IS NULL;

-- Append-only: rows are chained by hash (hash = SHA-256 over prev_hash and the event), ids come from audit_chain.
CREATE TABLE audit_events (
    id          BIGINT  NOT NULL PRIMARY KEY,
    event_type  TEXT    NOT NULL,
    code        TEXT,
    username    TEXT,
    login       TEXT,
    node        TEXT,
    session_id  TEXT,
    client_addr TEXT,
    resource    TEXT,
    action      TEXT,
    result      TEXT    NOT NULL,
    metadata    TEXT    NOT NULL DEFAULT '{}',
    created_at  BIGINT  NOT NULL,
    prev_hash   TEXT    NOT NULL,
    hash        TEXT    NOT NULL
);
CREATE INDEX audit_events_created_at_idx ON audit_events (created_at);
CREATE INDEX audit_events_type_idx ON audit_events (event_type, created_at);
CREATE INDEX audit_events_username_idx ON audit_events (username, created_at);
CREATE INDEX audit_events_session_idx ON audit_events (session_id);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP;
END;
$$;

CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

-- The head of the audit hash chain; appenders update this one row first, which serialises them.
CREATE TABLE audit_chain (
    id        INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    last_id   BIGINT  NOT NULL,
    last_hash TEXT    NOT NULL
);
INSERT INTO audit_chain (id, last_id, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE access_requests (
    id              TEXT   NOT NULL PRIMARY KEY,
    username        TEXT   NOT NULL,
    requested_roles TEXT   NOT NULL,
    reason          TEXT,
    state           TEXT   NOT NULL CHECK (state IN ('pending', 'approved', 'denied')),
    resolved_by     TEXT,
    resolve_reason  TEXT,
    created_at      BIGINT NOT NULL,
    resolved_at     BIGINT,
    expires_at      BIGINT NOT NULL
);
CREATE INDEX access_requests_state_idx ON access_requests (state, created_at);
CREATE INDEX access_requests_username_idx ON access_requests (username, created_at);

CREATE TABLE auth_connectors (
    id         TEXT   NOT NULL PRIMARY KEY,
    type       TEXT   NOT NULL,
    name       TEXT   NOT NULL,
    config     TEXT   NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CONSTRAINT auth_connectors_name_key UNIQUE (name)
);

CREATE TABLE join_tokens (
    token_hash TEXT   NOT NULL PRIMARY KEY,
    type       TEXT   NOT NULL,
    labels     TEXT   NOT NULL DEFAULT '{}',
    expires_at BIGINT NOT NULL,
    used_at    BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX join_tokens_expires_at_idx ON join_tokens (expires_at);

CREATE TABLE locks (
    id           TEXT   NOT NULL PRIMARY KEY,
    target_kind  TEXT   NOT NULL,
    target_value TEXT   NOT NULL,
    message      TEXT,
    expires_at   BIGINT,
    created_by   TEXT   NOT NULL,
    created_at   BIGINT NOT NULL
);
CREATE INDEX locks_target_idx ON locks (target_kind, target_value);

CREATE TABLE recordings (
    session_id   TEXT    NOT NULL PRIMARY KEY,
    sink         TEXT    NOT NULL,
    location     TEXT    NOT NULL,
    size_bytes   BIGINT  NOT NULL DEFAULT 0,
    complete     BOOLEAN NOT NULL DEFAULT FALSE,
    created_at   BIGINT  NOT NULL,
    completed_at BIGINT
);
CREATE INDEX recordings_created_at_idx ON recordings (created_at);

CREATE TABLE web_sessions (
    id_hash    TEXT   NOT NULL PRIMARY KEY,
    username   TEXT   NOT NULL REFERENCES users (username) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX web_sessions_username_idx ON web_sessions (username);
CREATE INDEX web_sessions_expires_at_idx ON web_sessions (expires_at);

CREATE TABLE invite_tokens (
    token_hash TEXT   NOT NULL PRIMARY KEY,
    username   TEXT   NOT NULL REFERENCES users (username) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX invite_tokens_username_idx ON invite_tokens (username);
CREATE INDEX invite_tokens_expires_at_idx ON invite_tokens (expires_at);
