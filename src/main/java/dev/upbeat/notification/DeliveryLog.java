package dev.upbeat.notification;

import dev.upbeat.problem.Problem;
import dev.upbeat.storage.Database;
import java.time.Clock;
import java.util.List;

/**
 * What an operator sees of deliveries: each event with its deliveries counted by status, each
 * delivery with its attempts and last error, and re-sending of dead ones (which wakes the workers).
 */
public final class DeliveryLog {
    public static final List<String> STATUSES = List.of("pending", "sent", "dead");

    private final Database db;
    private final DeliveryLogRepository log;
    private final DeliveryRepository deliveries;
    private final Clock clock;
    private final Runnable onResend;

    public DeliveryLog(Database db, DeliveryLogRepository log, DeliveryRepository deliveries, Clock clock, Runnable onResend) {
        this.db = db;
        this.log = log;
        this.deliveries = deliveries;
        this.clock = clock;
        this.onResend = onResend;
    }

    public List<DeliveryLogRepository.EventRow> events(int limit, int offset) {
        return db.read(tx -> log.events(tx, limit, offset));
    }

    /** Deliveries of an event; {@code eventId} 0 lists opt-in confirmations. */
    public List<DeliveryLogRepository.DeliveryRow> deliveries(long eventId, String status, int limit, int offset) {
        if (status != null && !STATUSES.contains(status)) {
            throw Problem.badRequest("status", "Query parameter 'status' must be one of " + STATUSES + "; got '" + status + "'");
        }
        return db.read(tx -> {
            if (eventId != 0 && !log.eventExists(tx, eventId)) {
                throw Problem.notFound("notification event", eventId);
            }
            return log.deliveries(tx, eventId == 0 ? null : eventId, status, limit, offset);
        });
    }

    /** Puts every dead delivery of an event back in the queue; returns how many. */
    public int resendDead(long eventId) {
        int n = db.inTransaction(tx -> {
            if (!log.eventExists(tx, eventId)) {
                throw Problem.notFound("notification event", eventId);
            }
            return deliveries.resendDead(tx, eventId, null, clock.instant());
        });
        onResend.run();
        return n;
    }

    /** Puts one dead delivery back in the queue. */
    public void resend(long deliveryId) {
        int n = db.inTransaction(tx -> deliveries.resendDead(tx, null, deliveryId, clock.instant()));
        if (n == 0) {
            throw Problem.conflict("Delivery " + deliveryId + " does not exist or is not dead; only dead deliveries are re-sent");
        }
        onResend.run();
    }
}
