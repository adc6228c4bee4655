package dev.upbeat.notification;

/**
 * A send that did not go through. {@code permanent} failures (a target that is now refused, an
 * address the provider rejects outright) are parked as dead at once instead of retried.
 */
public final class DeliveryFailure extends Exception {
    private final boolean permanent;

    public DeliveryFailure(String message, boolean permanent) {
        super(message, null, false, false);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
