-- One row counting the committed changes readers can see. A change bumps it in its own transaction,
-- so the row lock orders changes as they commit (a SEQUENCE hands out values that may commit out of
-- order), and every instance names the same database state with the same number: the snapshot version.
-- 0 means not yet started; Database.migrate starts it at the wall-clock millisecond, above any
-- version an earlier Upbeat served, so versions keep growing across the upgrade.
CREATE TABLE change_sequence (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL
);
INSERT INTO change_sequence (id, seq) VALUES (1, 0);
