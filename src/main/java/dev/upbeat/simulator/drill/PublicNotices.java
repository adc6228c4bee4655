package dev.upbeat.simulator.drill;

import java.time.Instant;

/**
 * Where a drill announces itself on the public status page, when its spec asks for it
 * ({@code public_notice: true}). The simulator knows nothing of the status page; the composition
 * root supplies this (as a maintenance window) or {@link #NONE} when Upbeat runs the simulator alone.
 */
public interface PublicNotices {

    /** Shows the notice now, until {@code until} at the latest; returns its id. */
    long post(String title, String message, Instant until);

    /** Ends the notice (the drill is over). */
    void end(long id);

    PublicNotices NONE = new PublicNotices() {
        @Override
        public long post(String title, String message, Instant until) {
            throw new IllegalStateException("Public drill notices need the status page");
        }

        @Override
        public void end(long id) {
        }
    };
}
