package dev.upbeat.problem;

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

    /** Parses a lower_snake enum value, naming the allowed values when it is unknown. */
    public static <T> T oneOf(String field, String value, Function<String, java.util.Optional<T>> parse, String allowed) {
        if (value == null) {
            throw Problem.invalid(field, field + " is required; one of " + allowed);
        }
        return parse.apply(value).orElseThrow(() ->
                Problem.invalid(field, field + " must be one of " + allowed + "; got '" + value + "'"));
    }
}
