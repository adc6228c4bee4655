package dev.upbeat.component;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;

/** Readable, URL-safe ids made from names ("Web Dynos" becomes "web-dynos"). */
public final class Slug {
    static final int MAX_LENGTH = 60;

    private Slug() {
    }

    static String of(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "component" : slug;
    }

    /** The slug of {@code name}, suffixed -2, -3, ... until {@code taken} says it is free. */
    public static String unique(String name, Predicate<String> taken) {
        String base = of(name);
        String candidate = base;
        for (int n = 2; taken.test(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    static boolean isValid(String id) {
        return id != null && id.length() <= MAX_LENGTH && id.matches("[a-z0-9]+(-[a-z0-9]+)*");
    }
}
