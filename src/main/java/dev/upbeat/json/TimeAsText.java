package dev.upbeat.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;

/**
 * Reads instants from ISO 8601 text only. JavaTimeModule also takes numbers (and digit strings)
 * as epoch seconds, whatever the coercion settings; a number is ambiguous (seconds or
 * milliseconds?), so it is refused rather than guessed. An instant must also fit in the epoch
 * milliseconds it is stored as. Durations are left alone: the mapper writes them as numbers.
 */
final class TimeAsText {
    private static final String DIGITS = "[+-]?[0-9]+([.][0-9]*)?([eE][+-]?[0-9]+)?";

    private TimeAsText() {
    }

    static SimpleModule module() {
        return new SimpleModule("time-as-text")
                .addDeserializer(Instant.class, new InstantText());
    }

    private static final class InstantText extends StdScalarDeserializer<Instant> {
        InstantText() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = text(p, ctxt, Instant.class);
            Instant instant = InstantDeserializer.INSTANT.deserialize(p, ctxt);
            try {
                instant.toEpochMilli();
            } catch (ArithmeticException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "too far from 1970 to be stored");
            }
            return instant;
        }
    }

    /** The token's text, refusing anything but a JSON string and strings that are only a number. */
    private static String text(JsonParser p, DeserializationContext ctxt, Class<?> type) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            ctxt.handleUnexpectedToken(type, p);
        }
        String text = p.getText().strip();
        if (text.matches(DIGITS)) {
            ctxt.handleWeirdStringValue(type, text, "a bare number is ambiguous; use ISO 8601 text");
        }
        return text;
    }
}
