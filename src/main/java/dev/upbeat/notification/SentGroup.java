package dev.upbeat.notification;

import dev.upbeat.storage.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The sends of one worker's batch not yet recorded as sent. They are recorded together, in one
 * transaction, when the batch ends or {@code after} the first of them, whichever comes first: one
 * commit per group rather than per message, which is what bounded a fan-out's rate. Until then they
 * stay held (their leases renewed), so no other worker takes them up; if the instance dies first,
 * they come due again and are sent once more. That is the repeat bound: at most one batch per
 * sending thread of the instance that died.
 */
final class SentGroup {
    private final Database db;
    private final DeliveryRepository deliveries;
    private final HeldClaims held;
    private final Duration after;
    private final List<Long> ids = new ArrayList<>();
    private Instant first;
    private Instant last;

    SentGroup(Database db, DeliveryRepository deliveries, HeldClaims held, Duration after) {
        this.db = db;
        this.deliveries = deliveries;
        this.held = held;
        this.after = after;
    }

    /** A send that began at {@code started} and was accepted at {@code done}. */
    void add(long id, Instant started, Instant done) {
        if (ids.isEmpty()) {
            first = started;
        }
        ids.add(id);
        last = done;
    }

    /**
     * Records the group if its first send began {@code after} before {@code now}: a send slower than
     * that is recorded as soon as it is done, as it would be one by one.
     */
    void recordIfDue(Instant now) {
        if (!ids.isEmpty() && !now.isBefore(first.plus(after))) {
            record();
        }
    }

    /**
     * Records the group. Whether that works or not, this worker holds the rows no more: if the
     * database refused, they come due when their lease ends and are sent again.
     */
    void record() {
        if (ids.isEmpty()) {
            return;
        }
        List<Long> group = List.copyOf(ids);
        ids.clear();
        try {
            db.useTransaction(tx -> deliveries.markSent(tx, group, last));
        } finally {
            held.dropAll(group);
        }
    }
}
