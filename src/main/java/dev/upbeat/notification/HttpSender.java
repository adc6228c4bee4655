package dev.upbeat.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.upbeat.json.Json;

/**
 * The shape every HTTP channel shares: one request per delivery through {@link WebPoster}, which
 * owns the timeout, the status check and whether a failure is worth retrying. A subclass only says
 * what to send for a delivery, and whether its channel has an opt-in message to send at all.
 */
abstract class HttpSender implements Sender {
    protected final WebPoster poster;
    protected final Composer composer;

    HttpSender(WebPoster poster, Composer composer) {
        this.poster = poster;
        this.composer = composer;
    }

    @Override
    public final Batch open() {
        return this::send;
    }

    private void send(Outgoing o) throws DeliveryFailure {
        if (o.isConfirmation() && !confirmsOptIn()) {
            return; // a channel without opt-in has nothing to confirm
        }
        if (o.isNotice()) {
            deliverNotice(o);
        } else {
            deliver(o);
        }
    }

    /** An owner notice: the words as a plain JSON message; chat channels override it with their own shape. */
    void deliverNotice(Outgoing o) throws DeliveryFailure {
        poster.post(o.address(), "application/json", json(java.util.Map.of("type", "owner_notice", "subject", o.notice().subject(),
                "text", o.notice().text())), "X-Upbeat-Delivery", Long.toString(o.deliveryId()));
    }

    /** Whether subscribers of this channel confirm their address with a message sent to it. */
    boolean confirmsOptIn() {
        return false;
    }

    /** Sends one delivery; fails with a {@link DeliveryFailure} that says whether a retry can help. */
    abstract void deliver(Outgoing o) throws DeliveryFailure;

    static byte[] json(Object payload) {
        try {
            return Json.mapper().writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Payload records are always serialisable", e);
        }
    }
}
