package dev.upbeat.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Settings of subscriptions and notification delivery: the channels' endpoints and credentials,
 * the retry policy, the per-channel concurrency, and the limits on public subscribing. A channel
 * whose settings are missing (no {@code SMTP_URL}, no Twilio account) is unavailable: subscribing
 * to it is refused with a message naming the setting.
 */
public record NotificationConfig(
        URI smtpUrl,
        String mailFrom,
        Twilio twilio,
        List<String> webhookAllow,
        int maxAttempts,
        Duration backoff,
        Duration backoffMax,
        Map<String, Integer> concurrency,
        Duration poll,
        Duration lease,
        Duration confirmTtl,
        int subscribeLimit,
        Duration subscribeWindow,
        String signingKey) {

    /** Twilio's Messages API; {@code accountSid} null means SMS is not configured. */
    public record Twilio(String accountSid, String authToken, String from, URI baseUrl) {
        public boolean configured() {
            return accountSid != null && authToken != null && from != null;
        }
    }

    /** How many deliveries of {@code channel} are sent at once. */
    public int concurrency(String channel) {
        return concurrency.getOrDefault(channel, 1);
    }

    void describe(Map<String, String> d) {
        d.put("SMTP_URL", smtpUrl == null ? "(unset)" : smtpUrl.getScheme() + "://" + smtpUrl.getHost() + ":" + smtpUrl.getPort()
                + (smtpUrl.getUserInfo() == null ? "" : " (with credentials)"));
        d.put("UPBEAT_MAIL_FROM", mailFrom);
        d.put("UPBEAT_TWILIO_ACCOUNT_SID", twilio.accountSid() == null ? "(unset)" : twilio.accountSid());
        d.put("UPBEAT_TWILIO_AUTH_TOKEN", twilio.authToken() == null ? "(unset)" : "(set)");
        d.put("UPBEAT_TWILIO_FROM", twilio.from() == null ? "(unset)" : twilio.from());
        d.put("UPBEAT_TWILIO_BASE_URL", twilio.baseUrl().toString());
        d.put("UPBEAT_WEBHOOK_ALLOW", String.join(",", webhookAllow));
        d.put("UPBEAT_DELIVERY_MAX_ATTEMPTS", Integer.toString(maxAttempts));
        d.put("UPBEAT_DELIVERY_BACKOFF", backoff.toString());
        d.put("UPBEAT_DELIVERY_BACKOFF_MAX", backoffMax.toString());
        d.put("UPBEAT_DELIVERY_CONCURRENCY", concurrency.toString());
        d.put("UPBEAT_DELIVERY_POLL", poll.toString());
        d.put("UPBEAT_DELIVERY_LEASE", lease.toString());
        d.put("UPBEAT_CONFIRM_TTL", confirmTtl.toString());
        d.put("UPBEAT_SUBSCRIBE_LIMIT", Integer.toString(subscribeLimit));
        d.put("UPBEAT_SUBSCRIBE_WINDOW", subscribeWindow.toString());
        d.put("UPBEAT_SIGNING_KEY", signingKey == null ? "(unset: generated and kept in the database)" : "(set)");
    }
}
