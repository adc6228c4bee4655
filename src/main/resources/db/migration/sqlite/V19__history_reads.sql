-- Snapshot reads that do not grow with history. changed_seq is the change number (change_sequence)
-- of the last committed change to an incident, its components or its updates: a rebuild reloads only
-- incidents changed since the version it last read and keeps the rest. 0 for rows older than this
-- column, which the first rebuild of each instance reads in full anyway.
ALTER TABLE incidents ADD COLUMN changed_seq INTEGER NOT NULL DEFAULT 0;
CREATE INDEX incidents_by_change ON incidents (changed_seq);

-- The uptime read takes the last thirteen months of daily roll-ups of every component; without this
-- it scanned every day ever rolled up.
CREATE INDEX daily_uptime_by_day ON daily_uptime (day);
