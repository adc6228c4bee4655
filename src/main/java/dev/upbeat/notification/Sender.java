package dev.upbeat.notification;

/**
 * Sends deliveries of one channel. A worker opens a batch, sends its claimed deliveries through
 * it one by one and closes it, so a channel can reuse a connection (an SMTP session) across a
 * batch. Implementations must time out rather than hang: a send must end within the lease.
 */
public interface Sender {

    Batch open();

    /** A run of sends; not shared between threads. */
    interface Batch extends AutoCloseable {
        void send(Outgoing outgoing) throws DeliveryFailure;

        @Override
        default void close() {
        }
    }
}
