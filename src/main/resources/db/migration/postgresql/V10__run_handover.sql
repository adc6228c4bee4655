-- A drill's progress so far (its simulation, checks and timeline), written by an instance that stops
-- cleanly while the drill runs, so another instance can take the drill over and finish it. While a
-- simulation or drill is handed over, its owner is 'handover' until an instance takes it.
ALTER TABLE drills ADD COLUMN progress TEXT;
