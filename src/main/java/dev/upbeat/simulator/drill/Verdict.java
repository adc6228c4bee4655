package dev.upbeat.simulator.drill;

import java.util.Locale;

/** How a drill came out ({@code running} until it has): a report's {@code verdict} in JSON and in the database. */
public enum Verdict {
    RUNNING, PASS, FAIL, ABORTED, SKIPPED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
