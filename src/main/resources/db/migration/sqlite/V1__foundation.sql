-- Instants are stored as epoch milliseconds (INTEGER) in both dialects, so the SQL is shared.

CREATE TABLE component_groups (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    description TEXT,
    position    INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);

CREATE TABLE components (
    id                    TEXT PRIMARY KEY,
    name                  TEXT NOT NULL,
    group_id              TEXT REFERENCES component_groups (id),
    description           TEXT,
    position              INTEGER NOT NULL,
    only_show_if_degraded INTEGER NOT NULL DEFAULT 0,
    manual_status         TEXT NOT NULL,
    status                TEXT NOT NULL,
    created_at            INTEGER NOT NULL,
    updated_at            INTEGER NOT NULL
);

-- Open incidents and maintenance hold components at a status; the worst hold wins.
CREATE TABLE component_holds (
    component_id TEXT NOT NULL REFERENCES components (id) ON DELETE CASCADE,
    holder       TEXT NOT NULL,
    status       TEXT NOT NULL,
    PRIMARY KEY (component_id, holder)
);

-- Every status a component has been in, as intervals; ended_at is NULL for the current one.
CREATE TABLE status_intervals (
    id           INTEGER PRIMARY KEY,
    component_id TEXT NOT NULL REFERENCES components (id) ON DELETE CASCADE,
    status       TEXT NOT NULL,
    started_at   INTEGER NOT NULL,
    ended_at     INTEGER
);
CREATE INDEX status_intervals_by_component ON status_intervals (component_id, started_at);
CREATE UNIQUE INDEX status_intervals_one_open ON status_intervals (component_id) WHERE ended_at IS NULL;

-- Seconds per status per local day, from closed intervals only.
CREATE TABLE daily_uptime (
    component_id        TEXT NOT NULL REFERENCES components (id) ON DELETE CASCADE,
    day                 TEXT NOT NULL,
    operational_seconds INTEGER NOT NULL,
    maintenance_seconds INTEGER NOT NULL,
    degraded_seconds    INTEGER NOT NULL,
    partial_seconds     INTEGER NOT NULL,
    major_seconds       INTEGER NOT NULL,
    PRIMARY KEY (component_id, day)
);

-- Incidents and scheduled maintenance share one table, as in Statuspage's model.
CREATE TABLE incidents (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL,
    title           TEXT NOT NULL,
    impact          TEXT NOT NULL,
    status          TEXT NOT NULL,
    postmortem      TEXT,
    started_at      INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    monitoring_at   INTEGER,
    resolved_at     INTEGER,
    scheduled_for   INTEGER,
    scheduled_until INTEGER,
    time_zone       TEXT,
    auto_start      INTEGER NOT NULL DEFAULT 1,
    auto_complete   INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX incidents_by_kind_status ON incidents (kind, status);

CREATE TABLE incident_components (
    incident_id  INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    component_id TEXT NOT NULL,
    status       TEXT NOT NULL,
    PRIMARY KEY (incident_id, component_id)
);

CREATE TABLE incident_updates (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    status      TEXT NOT NULL,
    message     TEXT NOT NULL,
    notify      INTEGER NOT NULL DEFAULT 1,
    created_at  INTEGER NOT NULL,
    display_at  INTEGER NOT NULL
);
CREATE INDEX incident_updates_by_incident ON incident_updates (incident_id, display_at);

CREATE TABLE incident_update_components (
    update_id    INTEGER NOT NULL REFERENCES incident_updates (id) ON DELETE CASCADE,
    component_id TEXT NOT NULL,
    old_status   TEXT NOT NULL,
    new_status   TEXT NOT NULL,
    PRIMARY KEY (update_id, component_id)
);

CREATE TABLE api_tokens (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER,
    revoked_at   INTEGER
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
