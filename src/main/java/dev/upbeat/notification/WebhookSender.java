package dev.upbeat.notification;

import dev.upbeat.subscription.Signer;

/**
 * Webhooks in Statuspage's subscriber-webhook shape. With a secret, the body is signed:
 * {@code X-Upbeat-Signature: sha256=<hex HMAC-SHA256 of the exact body bytes>}.
 * {@code X-Upbeat-Delivery} is the same on every retry of one delivery, so a receiver can drop a
 * repeat.
 */
final class WebhookSender extends HttpSender {

    WebhookSender(WebPoster poster, Composer composer) {
        super(poster, composer);
    }

    @Override
    void deliver(Outgoing o) throws DeliveryFailure {
        EventBody b = o.event().body();
        StatuspageWebhookBody.Webhook payload = new StatuspageWebhookBody.Webhook(
                new StatuspageWebhookBody.Meta(composer.links().unsubscribe(o.subscriber()), composer.links().page()),
                b.page(), b.incident());
        byte[] body = json(payload);
        String secret = o.subscriber().secret();
        String[] headers = secret == null
                ? new String[] {"X-Upbeat-Event", o.event().kind().wire(), "X-Upbeat-Delivery", Long.toString(o.deliveryId())}
                : new String[] {"X-Upbeat-Event", o.event().kind().wire(), "X-Upbeat-Delivery", Long.toString(o.deliveryId()),
                        "X-Upbeat-Signature", "sha256=" + Signer.hmacHex(secret, body)};
        poster.post(o.subscriber().address(), "application/json", body, headers);
    }
}
