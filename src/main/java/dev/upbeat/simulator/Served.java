package dev.upbeat.simulator;

/** One target's listener on this instance, whatever its kind, and the simulation live on it. */
interface Served extends AutoCloseable {
    /** The target, with the port actually bound when 0 was asked for. */
    Target target();

    int port();

    ActiveRun live();

    /** Makes {@code run} the live simulation (null: none); returns the one it replaced. */
    ActiveRun swap(ActiveRun run);

    @Override
    void close();
}
