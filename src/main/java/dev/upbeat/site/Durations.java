package dev.upbeat.site;

import java.time.Duration;

/** Durations in words people read at a glance: the two largest units ("1 h 12 min", "3 d 4 h"). */
public final class Durations {
    private Durations() {
    }

    public static String words(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + minutes + " min";
        }
        return minutes > 0 ? minutes + " min" : seconds + " s";
    }
}
