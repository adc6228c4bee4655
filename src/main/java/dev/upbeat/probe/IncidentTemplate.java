package dev.upbeat.probe;

import java.util.Map;

/**
 * The wording of auto-incidents: a title and an opening message, and the resolving update.
 * Placeholders {@code {probe}}, {@code {component}}, {@code {failures}}, {@code {successes}} and
 * {@code {error}} are filled in; anything else is left as written.
 */
public record IncidentTemplate(String title, String message, String resolveMessage) {

    static String fill(String template, Map<String, String> values) {
        String out = template;
        for (var e : values.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue() == null ? "" : e.getValue());
        }
        return out;
    }
}
