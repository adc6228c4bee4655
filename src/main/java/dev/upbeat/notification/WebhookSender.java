package dev.upbeat.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.upbeat.json.Json;
import dev.upbeat.subscription.Signer;

/**
 * Webhooks in Statuspage's subscriber-webhook shape. With a secret, the body is signed:
 * {@code X-Upbeat-Signature: sha256=<hex HMAC-SHA256 of the exact body bytes>}.
 * {@code X-Upbeat-Delivery} is the same on every retry of one delivery, so a receiver can drop a
 * repeat.
 */
final class WebhookSender implements Sender {
    private final WebPoster poster;
    private final Composer composer;

    WebhookSender(WebPoster poster, Composer composer) {
        this.poster = poster;
        this.composer = composer;
    }

    @Override
    public Batch open() {
        return this::send;
    }

    private void send(Outgoing o) throws DeliveryFailure {
        if (o.isConfirmation()) {
            return; // webhooks need no opt-in; nothing to confirm
        }
        EventBody b = o.event().body();
        Statuspage.Webhook payload = new Statuspage.Webhook(
                new Statuspage.Meta(composer.links().unsubscribe(o.subscriber()), composer.links().page()),
                b.page(), b.incident());
        byte[] body = bytes(payload);
        String secret = o.subscriber().secret();
        String[] headers = secret == null
                ? new String[] {"X-Upbeat-Event", o.event().kind().wire(), "X-Upbeat-Delivery", Long.toString(o.deliveryId())}
                : new String[] {"X-Upbeat-Event", o.event().kind().wire(), "X-Upbeat-Delivery", Long.toString(o.deliveryId()),
                        "X-Upbeat-Signature", "sha256=" + Signer.hmacHex(secret, body)};
        poster.post(o.subscriber().address(), "application/json", body, headers);
    }

    static byte[] bytes(Object payload) {
        try {
            return Json.mapper().writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Payload records are always serialisable", e);
        }
    }
}
