-- Claims look only at pending rows. A partial index holds just those: a row leaves it when it is
-- sent, so the claim no longer steps over the entries of rows already sent, and a sent row's
-- later updates have one index fewer to write.
CREATE INDEX deliveries_pending ON deliveries (channel, next_attempt_at, id) WHERE status = 'pending';
DROP INDEX deliveries_due;
