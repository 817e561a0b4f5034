-- The recordings index as the recording service keeps it (nothing wrote the first table), and the chunks of the
-- database recording sink.
DROP TABLE recordings;
CREATE TABLE recordings (
    session_id TEXT    NOT NULL PRIMARY KEY,
    username   TEXT,
    login      TEXT,
    node_name  TEXT,
    started_at BIGINT  NOT NULL,
    ended_at   BIGINT  NOT NULL,
    complete   BOOLEAN NOT NULL,
    sink       TEXT    NOT NULL,
    location   TEXT    NOT NULL,
    size_bytes BIGINT  NOT NULL,
    stored_at  BIGINT  NOT NULL
);
CREATE INDEX recordings_started_at_idx ON recordings (started_at);

CREATE TABLE recording_chunks (
    session_id TEXT    NOT NULL,
    seq        INTEGER NOT NULL,
    data       BYTEA   NOT NULL,
    PRIMARY KEY (session_id, seq)
);
