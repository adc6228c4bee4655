-- A rebuild keeps the daily uptime of past days from the snapshot before and reads again only the
-- days a change rewrote (a back-dated incident, an edited start, a status change closing an interval).
-- changed_seq is the number (change_sequence) of the change that last wrote the row, stamped as it
-- commits; 0 for rows older than this column, which the first rebuild of each instance reads in full.
ALTER TABLE daily_uptime ADD COLUMN changed_seq INTEGER NOT NULL DEFAULT 0;
CREATE INDEX daily_uptime_by_change ON daily_uptime (changed_seq);
