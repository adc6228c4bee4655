-- Probes: active checks of a component, their raw results and the hourly and daily roll-ups.
-- Instants are epoch milliseconds (INTEGER), as in V1.

-- One row per check. next_run_at doubles as the claim: an instance that takes a due probe moves
-- it one interval ahead in the claiming transaction, so each run happens on one instance.
CREATE TABLE probes (
    id                   TEXT PRIMARY KEY,
    name                 TEXT NOT NULL UNIQUE,
    url                  TEXT NOT NULL,
    method               TEXT NOT NULL,
    headers              TEXT NOT NULL,
    expected_status      TEXT,
    body_contains        TEXT,
    json_path            TEXT,
    json_equals          TEXT,
    max_latency_ms       INTEGER,
    min_cert_days        INTEGER,
    interval_ms          INTEGER NOT NULL,
    timeout_ms           INTEGER NOT NULL,
    component_id         TEXT NOT NULL REFERENCES components (id) ON DELETE CASCADE,
    auto_incident        INTEGER NOT NULL DEFAULT 0,
    failures_to_open     INTEGER NOT NULL,
    successes_to_resolve INTEGER NOT NULL,
    created_at           INTEGER NOT NULL,
    updated_at           INTEGER NOT NULL,
    next_run_at          INTEGER NOT NULL,
    rolled_until         INTEGER NOT NULL,
    failures             INTEGER NOT NULL DEFAULT 0,
    successes            INTEGER NOT NULL DEFAULT 0,
    incident_id          INTEGER,
    state_changed_at     INTEGER
);
CREATE INDEX probes_due ON probes (next_run_at);
CREATE INDEX probes_by_component ON probes (component_id);

-- Raw results, kept for UPBEAT_PROBE_RAW_RETENTION. covered_ms is the time the result speaks
-- for (one interval); time no result covers is unknown, not down.
CREATE TABLE probe_results (
    id             INTEGER PRIMARY KEY,
    probe_id       TEXT NOT NULL REFERENCES probes (id) ON DELETE CASCADE,
    checked_at     INTEGER NOT NULL,
    ok             INTEGER NOT NULL,
    in_maintenance INTEGER NOT NULL DEFAULT 0,
    latency_ms     INTEGER NOT NULL,
    covered_ms     INTEGER NOT NULL,
    error          TEXT
);
CREATE INDEX probe_results_by_probe ON probe_results (probe_id, checked_at);

-- Hourly (bucket 'hour', start = the hour's first millisecond) and daily (bucket 'day', start =
-- local midnight in UPBEAT_TIME_ZONE) aggregates, kept much longer than raw results.
CREATE TABLE probe_rollups (
    probe_id            TEXT NOT NULL REFERENCES probes (id) ON DELETE CASCADE,
    bucket              TEXT NOT NULL,
    start_at            INTEGER NOT NULL,
    day                 TEXT,
    checks              INTEGER NOT NULL,
    successes           INTEGER NOT NULL,
    up_seconds          INTEGER NOT NULL,
    down_seconds        INTEGER NOT NULL,
    maintenance_seconds INTEGER NOT NULL,
    p50_ms              INTEGER,
    p95_ms              INTEGER,
    p99_ms              INTEGER,
    PRIMARY KEY (probe_id, bucket, start_at)
);
CREATE INDEX probe_rollups_by_bucket ON probe_rollups (bucket, start_at);
