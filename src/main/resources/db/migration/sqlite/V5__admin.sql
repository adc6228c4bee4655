-- People who sign in to the admin pages, their sessions, and the audit log. Instants are epoch milliseconds.

-- password_hash is "pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>"; totp_secret is Base32, NULL without a second factor.
CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    role          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    totp_secret   TEXT,
    created_at    INTEGER NOT NULL
);

-- Only the SHA-256 of a session id is kept, so a copy of the database signs nobody in;
-- every instance sharing the database sees every session.
CREATE TABLE sessions (
    id_hash      TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- Who changed what, when: one row per change made through the admin pages or the user command.
CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY,
    at      INTEGER NOT NULL,
    actor   TEXT NOT NULL,
    action  TEXT NOT NULL,
    subject TEXT NOT NULL,
    detail  TEXT
);
CREATE INDEX audit_log_by_time ON audit_log (at);

-- Reusable starting points for the incident composer.
CREATE TABLE incident_templates (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    title      TEXT NOT NULL,
    message    TEXT NOT NULL,
    impact     TEXT,
    created_at INTEGER NOT NULL
);
