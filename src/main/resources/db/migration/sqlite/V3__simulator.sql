-- The downtime simulator. Instants are epoch milliseconds (INTEGER), as in V1.

CREATE TABLE sim_targets (
    name       TEXT PRIMARY KEY,
    listen     TEXT NOT NULL,
    upstream   TEXT,
    created_at INTEGER NOT NULL
);

-- Every simulation run: ended_at and end_reason stay NULL while it is live.
CREATE TABLE sim_runs (
    id          INTEGER PRIMARY KEY,
    target      TEXT NOT NULL,
    faults      TEXT NOT NULL,
    origin      TEXT NOT NULL,
    schedule_id INTEGER,
    started_at  INTEGER NOT NULL,
    ends_at     INTEGER NOT NULL,
    ended_at    INTEGER,
    end_reason  TEXT,
    requests    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sim_runs_by_target ON sim_runs (target, started_at);
-- One live simulation per target, however many instances share the database.
CREATE UNIQUE INDEX sim_runs_one_live ON sim_runs (target) WHERE ended_at IS NULL;

CREATE TABLE sim_run_faults (
    run_id   INTEGER NOT NULL REFERENCES sim_runs (id) ON DELETE CASCADE,
    type     TEXT NOT NULL,
    injected INTEGER NOT NULL,
    PRIMARY KEY (run_id, type)
);

CREATE TABLE sim_schedules (
    id          INTEGER PRIMARY KEY,
    target      TEXT NOT NULL,
    cron        TEXT NOT NULL,
    time_zone   TEXT NOT NULL,
    duration_ms INTEGER NOT NULL,
    faults      TEXT NOT NULL,
    next_at     INTEGER NOT NULL,
    created_at  INTEGER NOT NULL
);

CREATE TABLE drills (
    id         INTEGER PRIMARY KEY,
    target     TEXT NOT NULL,
    run_id     INTEGER,
    spec       TEXT NOT NULL,
    verdict    TEXT,
    report     TEXT,
    notice     TEXT,
    started_at INTEGER NOT NULL,
    ended_at   INTEGER
);
