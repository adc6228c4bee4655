package dev.upbeat.site;

import java.time.Duration;

/**
 * Durations in words people read at a glance: the two largest units ("1 h 12 min", "3 d 4 h").
 * Joined by no-break spaces, so a narrow screen never splits "1 h" from "12 min".
 */
public final class Durations {
    private static final String SPACE = "\u00a0";

    private Durations() {
    }

    public static String words(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        if (days > 0) {
            return days + SPACE + "d" + SPACE + hours + SPACE + "h";
        }
        if (hours > 0) {
            return hours + SPACE + "h" + SPACE + minutes + SPACE + "min";
        }
        return minutes > 0 ? minutes + SPACE + "min" : seconds + SPACE + "s";
    }
}
