package dev.upbeat.component;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How an owner team is reached: the channels the notification senders already speak (SMS is left
 * out: a team is not a phone). The address is an email address or the URL the sender posts to.
 */
public enum ContactChannel {
    EMAIL, SLACK, TEAMS, WEBHOOK;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ContactChannel> fromWire(String value) {
        return Arrays.stream(values()).filter(c -> c.wire().equals(value)).findFirst();
    }

    public static String allowedValues() {
        return String.join(", ", Arrays.stream(values()).map(ContactChannel::wire).toList());
    }
}
