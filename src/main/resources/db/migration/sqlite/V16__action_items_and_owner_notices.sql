-- Action items: one per component an advisory exposes or possibly exposes, kept in step with the
-- triage in its transaction. due_source says whether due_at follows the advisory's disclosure
-- ('disclosure') or was set by hand ('set'); done_by/done_at say who closed it and when.
CREATE TABLE action_items (
    id           INTEGER PRIMARY KEY,
    advisory_id  INTEGER NOT NULL REFERENCES advisories (id) ON DELETE CASCADE,
    component_id TEXT NOT NULL REFERENCES components (id) ON DELETE CASCADE,
    team         TEXT,
    state        TEXT NOT NULL,
    reason       TEXT,
    due_at       INTEGER,
    due_source   TEXT NOT NULL,
    done_by      TEXT,
    done_at      INTEGER,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    UNIQUE (advisory_id, component_id)
);
CREATE INDEX action_items_by_due ON action_items (state, due_at);

-- Messages to a component's owner (assignment, reminders). notice_key is unique, so each message
-- is queued once however many instances decide to send it; the delivery goes through the outbox.
CREATE TABLE owner_notices (
    id         INTEGER PRIMARY KEY,
    notice_key TEXT NOT NULL UNIQUE,
    channel    TEXT NOT NULL,
    address    TEXT NOT NULL,
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

-- A delivery now goes to a subscriber (event_id NULL: an opt-in confirmation) or carries an owner
-- notice. SQLite cannot drop NOT NULL, so the table is rebuilt with its rows and indexes.
-- dialect-specific: subscriber_id loses NOT NULL, notice_id and its check are added
CREATE TABLE deliveries_v16 (
    id              INTEGER PRIMARY KEY,
    event_id        INTEGER REFERENCES notification_events (id) ON DELETE CASCADE,
    subscriber_id   TEXT REFERENCES subscribers (id) ON DELETE CASCADE,
    notice_id       INTEGER REFERENCES owner_notices (id) ON DELETE CASCADE,
    channel         TEXT NOT NULL,
    status          TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT,
    sent_at         INTEGER,
    created_at      INTEGER NOT NULL,
    claimed_by      TEXT,
    UNIQUE (subscriber_id, event_id),
    CHECK ((subscriber_id IS NULL) <> (notice_id IS NULL))
);
INSERT INTO deliveries_v16 (id, event_id, subscriber_id, channel, status, attempts, next_attempt_at, last_error, sent_at,
                            created_at, claimed_by)
SELECT id, event_id, subscriber_id, channel, status, attempts, next_attempt_at, last_error, sent_at, created_at, claimed_by
FROM deliveries;
DROP TABLE deliveries;
ALTER TABLE deliveries_v16 RENAME TO deliveries;
CREATE INDEX deliveries_due ON deliveries (channel, status, next_attempt_at);
CREATE INDEX deliveries_by_event ON deliveries (event_id, status);
-- end dialect-specific
CREATE UNIQUE INDEX deliveries_one_per_notice ON deliveries (notice_id);
