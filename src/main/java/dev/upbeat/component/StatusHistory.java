package dev.upbeat.component;

import dev.upbeat.storage.Tx;
import java.time.Instant;

/**
 * Receives every change of a component's effective status inside the transaction that made it,
 * so the interval history (the single source for uptime) can never disagree with the status.
 */
public interface StatusHistory {

    /** The component came into existence with this status. */
    void begin(Tx tx, String componentId, ComponentStatus status, Instant at);

    /** The component's effective status became {@code status} at {@code at}. */
    void change(Tx tx, String componentId, ComponentStatus status, Instant at);

    /**
     * Back-fills a back-dated incident: over [from, to) the component was at least as bad as
     * {@code status}; periods already worse keep their status.
     */
    void raise(Tx tx, String componentId, ComponentStatus status, Instant from, Instant to);
}
