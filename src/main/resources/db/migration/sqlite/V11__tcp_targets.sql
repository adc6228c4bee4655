-- TCP proxies are simulator targets of kind 'tcp' (upstream stored as tcp://host:port); every
-- target before this one is an HTTP fault proxy.
ALTER TABLE sim_targets ADD COLUMN kind TEXT NOT NULL DEFAULT 'http';
-- A run or schedule on a tcp target carries Toxiproxy toxics (a JSON array) instead of faults,
-- whose column then holds an empty array.
ALTER TABLE sim_runs ADD COLUMN toxics TEXT;
ALTER TABLE sim_schedules ADD COLUMN toxics TEXT;
