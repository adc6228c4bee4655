package dev.upbeat.subscription;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The ways a subscriber hears from Upbeat, and which of them need the subscriber to opt in. */
public enum Channel {
    EMAIL, SMS, WEBHOOK, SLACK, TEAMS;

    /** Every wire name, comma-separated in declaration order, for refusals. */
    public static final String WIRE_VALUES = Arrays.stream(values()).map(Channel::wire).collect(Collectors.joining(", "));

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> fromWire(String value) {
        return Arrays.stream(values()).filter(c -> c.wire().equals(value)).findFirst();
    }

    /**
     * Email and SMS reach a person, who must prove the address is theirs (a link, a code). A
     * webhook, Slack or Teams URL is itself the secret that proves control, and has no inbox to
     * confirm from, so it is active at once; such URLs are checked against private targets instead.
     */
    public boolean needsOptIn() {
        return switch (this) {
            case EMAIL, SMS -> true;
            case WEBHOOK, SLACK, TEAMS -> false;
        };
    }

    /** The channel as the subscribe form names it. */
    public String displayName() {
        return switch (this) {
            case EMAIL -> "Email";
            case SMS -> "SMS";
            case WEBHOOK -> "Webhook";
            case SLACK -> "Slack";
            case TEAMS -> "Microsoft Teams";
        };
    }

    /** What to type as this channel's address, in words for the form's label. */
    public String addressWords() {
        return switch (this) {
            case EMAIL -> "email address";
            case SMS -> "mobile number with country code (+15551234567)";
            case WEBHOOK -> "webhook URL";
            case SLACK -> "Slack incoming-webhook URL";
            case TEAMS -> "Teams incoming-webhook URL";
        };
    }

    /** True for channels whose address is a URL Upbeat POSTs to. */
    public boolean isUrl() {
        return switch (this) {
            case WEBHOOK, SLACK, TEAMS -> true;
            case EMAIL, SMS -> false;
        };
    }
}
