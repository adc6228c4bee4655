package dev.upbeat.admin;

import dev.upbeat.problem.Problem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A submitted form as the page shows it again: the values typed, an error message per field (the
 * {@code field} of the service's {@link Problem}), and a message for the form as a whole.
 */
public record Form(Map<String, String> values, Map<String, String> errors, String notice) {

    public static Form empty() {
        return new Form(Map.of(), Map.of(), null);
    }

    public static Form of(Map<String, String> values) {
        return new Form(values, Map.of(), null);
    }

    /** The form again with the refusal next to its field, or as the form's message when it names none. */
    public Form refused(Problem p) {
        Map<String, String> e = new HashMap<>(errors);
        String field = p.field();
        if (field != null) {
            e.put(field, p.getMessage());
            return new Form(values, e, null);
        }
        return new Form(values, e, p.getMessage());
    }

    public Form withNotice(String message) {
        return new Form(values, errors, message);
    }

    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    public String value(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public boolean is(String name, String value) {
        return value.equals(values.get(name));
    }

    public String error(String name) {
        return errors.get(name);
    }

    public boolean hasError(String name) {
        return errors.containsKey(name);
    }

    /** For {@code aria-invalid}: "true", or null so the attribute is left out. */
    public String invalid(String name) {
        return errors.containsKey(name) ? "true" : null;
    }

    /** Errors about fields the page has no place for (shown above the form). */
    public List<String> otherErrors(List<String> shown) {
        return errors.entrySet().stream().filter(e -> !shown.contains(e.getKey())).map(Map.Entry::getValue).toList();
    }
}
