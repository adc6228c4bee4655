-- Which instance owns each live simulation and drill, and until when. The owner renews the lease
-- every second; once it lapses (the owner died) a surviving instance ends the run or drill once.
-- NULL, as on rows from before this migration, counts as lapsed.
ALTER TABLE sim_runs ADD COLUMN owner TEXT;
ALTER TABLE sim_runs ADD COLUMN lease_until BIGINT;
ALTER TABLE drills ADD COLUMN owner TEXT;
ALTER TABLE drills ADD COLUMN lease_until BIGINT;

-- Each instance's listener per target: listening, or failed with why (such as address in use).
-- seen_at is rewritten while the instance lives, so rows of dead instances can be left out.
CREATE TABLE sim_listeners (
    target   TEXT NOT NULL,
    instance TEXT NOT NULL,
    state    TEXT NOT NULL,
    error    TEXT,
    seen_at  BIGINT NOT NULL,
    PRIMARY KEY (target, instance)
);
