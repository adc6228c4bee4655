package dev.upbeat.advisory;

import dev.upbeat.component.Ownership;
import dev.upbeat.storage.Tx;

/**
 * Tells a component's owner about an action item through the notification outbox, in the caller's
 * transaction, so the message is queued if and only if the change commits. A key is queued once
 * however often (and on however many instances) it is asked for.
 */
public interface OwnerNotices {
    /** Queues the message for the owner's contact; false if the key was queued before or there is no contact. */
    boolean queue(Tx tx, String key, Ownership owner, String subject, String text);

    OwnerNotices NONE = (tx, key, owner, subject, text) -> false;
}
