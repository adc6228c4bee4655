package dev.upbeat.subscription;

import dev.upbeat.storage.Tx;

/**
 * Queues the opt-in message (a confirmation link or an SMS code) for a subscriber, in the
 * transaction that (re)issued it, so it is sent once the subscription commits and never lost.
 */
@FunctionalInterface
public interface ConfirmationOutbox {
    void confirmationDue(Tx tx, Subscriber subscriber);
}
