-- Subscribers and the transactional outbox of notifications. Instants are epoch milliseconds.

-- One row per (channel, address). A subscriber with all_components = 1 hears about everything;
-- otherwise only about events touching one of its subscriber_components.
CREATE TABLE subscribers (
    id                 TEXT PRIMARY KEY,
    channel            TEXT NOT NULL,
    address            TEXT NOT NULL,
    secret             TEXT,
    all_components     INTEGER NOT NULL DEFAULT 1,
    confirmed_at       INTEGER,
    confirm_issued_at  INTEGER,
    confirm_failures   INTEGER NOT NULL DEFAULT 0,
    created_at         INTEGER NOT NULL,
    UNIQUE (channel, address)
);

CREATE TABLE subscriber_components (
    subscriber_id TEXT NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    component_id  TEXT NOT NULL,
    PRIMARY KEY (subscriber_id, component_id)
);
CREATE INDEX subscriber_components_by_component ON subscriber_components (component_id);

-- One row per incident or maintenance update that notifies; body is the message as sent (JSON).
CREATE TABLE notification_events (
    id          INTEGER PRIMARY KEY,
    update_id   INTEGER NOT NULL UNIQUE REFERENCES incident_updates (id) ON DELETE CASCADE,
    incident_id INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    title       TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  INTEGER NOT NULL
);

-- The outbox: one row per subscriber per event (event_id NULL: an opt-in confirmation).
-- A worker claims a row by pushing next_attempt_at past its lease, so a crashed claim comes due again.
CREATE TABLE deliveries (
    id              INTEGER PRIMARY KEY,
    event_id        INTEGER REFERENCES notification_events (id) ON DELETE CASCADE,
    subscriber_id   TEXT NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    channel         TEXT NOT NULL,
    status          TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT,
    sent_at         INTEGER,
    created_at      INTEGER NOT NULL,
    UNIQUE (subscriber_id, event_id)
);
CREATE INDEX deliveries_due ON deliveries (channel, status, next_attempt_at);
CREATE INDEX deliveries_by_event ON deliveries (event_id, status);
