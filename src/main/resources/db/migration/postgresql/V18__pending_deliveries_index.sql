-- Claims look only at pending rows. A partial index holds just those: a row leaves it when it is
-- sent, so the claim no longer steps over the entries of rows already sent, and a sent row's
-- later updates have one index fewer to write.
CREATE INDEX deliveries_pending ON deliveries (channel, next_attempt_at, id) WHERE status = 'pending';
DROP INDEX deliveries_due;
-- The outbox backlog metric counts dead rows by channel every few seconds on every instance:
-- they keep a small index of their own, so that count never reads the whole table.
CREATE INDEX deliveries_dead ON deliveries (channel, created_at) WHERE status = 'dead';
