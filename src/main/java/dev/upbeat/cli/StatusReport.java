package dev.upbeat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The text {@code upbeat status} prints for a Heroku v4 current-status body: one line per system,
 * then each open incident with its updates, newest first, and how long ago each was posted.
 * Tolerant of missing fields, since the body may come from any Heroku-compatible host.
 */
final class StatusReport {
    private StatusReport() {
    }

    static String render(JsonNode body, Instant now) {
        StringBuilder text = new StringBuilder();
        JsonNode systems = body.path("status");
        int width = 0;
        for (JsonNode s : systems) {
            width = Math.max(width, s.path("system").asText().length() + 1);
        }
        for (JsonNode s : systems) {
            String colour = s.path("status").asText();
            String said = colour.equals("green") ? "No known issues at this time." : capitalised(colour);
            text.append(pad(s.path("system").asText() + ":", width)).append(' ').append(said).append('\n');
        }
        if (systems.isEmpty()) {
            text.append("No components on this page yet.\n");
        }
        for (JsonNode incident : body.path("incidents")) {
            text.append('\n').append("=== ").append(incident.path("title").asText()).append("  ")
                    .append(incident.path("created_at").asText()).append("  ").append(incident.path("full_url").asText())
                    .append('\n');
            for (JsonNode update : incident.path("updates")) {
                appendUpdate(text, update, now);
            }
        }
        return text.toString();
    }

    private static void appendUpdate(StringBuilder text, JsonNode update, Instant now) {
        String at = update.path("updated_at").asText(update.path("created_at").asText());
        text.append('\n').append(pad(update.path("update_type").asText(), 9)).append(' ').append(at);
        try {
            text.append("  (").append(ago(Duration.between(Instant.parse(at), now))).append(')');
        } catch (DateTimeParseException e) {
            // A host sending an odd date still gets its update printed, just without the age.
        }
        text.append('\n');
        update.path("contents").asText().lines()
                .forEach(line -> text.append(line.isBlank() ? "" : "  " + line).append('\n'));
    }

    /** {@code 3 d 4 h ago}, {@code 2 h 5 min ago}, {@code 7 min ago} or {@code just now}. */
    static String ago(Duration elapsed) {
        if (elapsed.toMinutes() < 1) {
            return "just now";
        }
        if (elapsed.toDays() > 0) {
            return elapsed.toDays() + " d " + elapsed.toHoursPart() + " h ago";
        }
        if (elapsed.toHours() > 0) {
            return elapsed.toHours() + " h " + elapsed.toMinutesPart() + " min ago";
        }
        return elapsed.toMinutes() + " min ago";
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
