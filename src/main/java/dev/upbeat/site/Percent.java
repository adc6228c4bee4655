package dev.upbeat.site;

import java.util.Locale;
import java.util.Optional;

/** Uptime fractions as people read them; unknown stays "no data", never 100%. */
final class Percent {
    private Percent() {
    }

    static String words(Optional<Double> fraction) {
        return fraction.map(f -> String.format(Locale.ROOT, "%.2f%%", Math.floor(f * 10_000) / 100)).orElse("no data");
    }
}
