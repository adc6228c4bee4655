package dev.upbeat.problem;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Function;

/** Validation of request values, failing with {@link Problem#invalid} that names the field. */
public final class Check {
    private Check() {
    }

    public static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw Problem.invalid(field, field + " is required and must not be blank");
        }
        return length(field, value.strip(), maxLength);
    }

    public static String optionalText(String field, String value, int maxLength) {
        return value == null ? null : length(field, value.strip(), maxLength);
    }

    private static String length(String field, String value, int maxLength) {
        if (value.length() > maxLength) {
            throw Problem.invalid(field, field + " must be at most " + maxLength + " characters; got " + value.length());
        }
        return value;
    }

    /**
     * A caller's date kept to a sane window: not before 1970 (an earlier date is a typo, and pages
     * would show "ongoing for 11574094863 d"), and not more than five years ahead of {@code now}.
     * Null passes, for optional fields.
     */
    public static Instant instant(String field, Instant value, Instant now) {
        Instant latest = now.atOffset(ZoneOffset.UTC).plusYears(5).toInstant();
        if (value != null && (value.isBefore(Instant.EPOCH) || value.isAfter(latest))) {
            throw Problem.invalid(field, field + " must be from 1970-01-01T00:00:00Z to five years from now (" + latest
                    + "); got " + value);
        }
        return value;
    }

    /** Parses a lower_snake enum value, naming the allowed values when it is unknown. */
    public static <T> T oneOf(String field, String value, Function<String, java.util.Optional<T>> parse, String allowed) {
        if (value == null) {
            throw Problem.invalid(field, field + " is required; one of " + allowed);
        }
        return parse.apply(value).orElseThrow(() ->
                Problem.invalid(field, field + " must be one of " + allowed + "; got '" + value + "'"));
    }
}
