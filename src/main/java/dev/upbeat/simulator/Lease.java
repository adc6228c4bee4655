package dev.upbeat.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * This instance's hold on the simulations and drills it started: its id, made fresh at each start so a
 * restarted process never mistakes a dead predecessor's work for its own, and how long a hold lasts
 * without renewal.
 */
public record Lease(String instance, Duration length) {
    /**
     * The owner of a simulation or drill whose instance stopped cleanly and gave it up, until another
     * instance takes it. The lease it was given up with still counts: taken within it, the work goes on;
     * lapsed, it is ended as any orphan is.
     */
    public static final String HANDOVER = "handover";

    public static Lease fresh(Duration length) {
        return new Lease(host() + "-" + UUID.randomUUID().toString().substring(0, 8), length);
    }

    public Instant until(Instant now) {
        return now.plus(length);
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "instance";
        }
    }
}
