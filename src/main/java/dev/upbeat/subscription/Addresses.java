package dev.upbeat.subscription;

import dev.upbeat.problem.Problem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks and normalises an address for its channel, refusing with the field named. */
final class Addresses {
    private static final String EMAIL = "[^@\\s<>\"(),;:]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+";

    private Addresses() {
    }

    static String normalise(Channel channel, String raw, TargetGuard guard) {
        if (raw == null || raw.isBlank()) {
            throw Problem.invalid("address", "address is required: " + expected(channel));
        }
        String address = raw.strip();
        return switch (channel) {
            case EMAIL -> email(address);
            case SMS -> phone(address);
            case WEBHOOK, SLACK, TEAMS -> url(address, guard);
        };
    }

    private static String email(String address) {
        if (address.length() > 254 || !address.matches(EMAIL)) {
            throw Problem.invalid("address", "address must be " + expected(Channel.EMAIL) + "; got '" + shorten(address) + "'");
        }
        // Local parts are case-sensitive in theory, never in practice; one case means one subscription per mailbox.
        return address.toLowerCase(Locale.ROOT);
    }

    private static String phone(String address) {
        String compact = address.replaceAll("[\\s().-]", "");
        if (!compact.matches("\\+[1-9][0-9]{6,14}")) {
            throw Problem.invalid("address", "address must be " + expected(Channel.SMS) + "; got '" + shorten(address) + "'");
        }
        return compact;
    }

    private static String url(String address, TargetGuard guard) {
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException e) {
            throw Problem.invalid("address", "address must be an http or https URL; got '" + shorten(address) + "'");
        }
        if (address.length() > 2048 || uri.getRawUserInfo() != null) {
            throw Problem.invalid("address", "address must be an http or https URL without credentials, at most 2048 characters");
        }
        guard.refusal(uri).ifPresent(reason -> {
            throw Problem.invalid("address", "address " + reason);
        });
        return address;
    }

    static String expected(Channel channel) {
        return switch (channel) {
            case EMAIL -> "an email address such as ops@example.com";
            case SMS -> "a phone number in E.164 form such as +14155550123";
            case WEBHOOK -> "an http(s) URL that accepts POSTed JSON";
            case SLACK -> "a Slack incoming-webhook URL";
            case TEAMS -> "a Microsoft Teams incoming-webhook URL";
        };
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
