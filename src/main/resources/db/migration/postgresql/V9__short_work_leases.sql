-- Which instance holds each claimed delivery. The holder renews its lease (next_attempt_at) while it
-- works on the row and clears this column when it records the outcome; a dead holder's rows come
-- due again when the lease ends and are taken over by whoever claims them next.
ALTER TABLE deliveries ADD COLUMN claimed_by TEXT;
