package dev.upbeat.simulator.tcp;

import java.util.List;

/**
 * The toxics Upbeat knows, registered once: their Toxiproxy names and attributes (every attribute
 * is an integer and is always echoed, zeros included, because clients read them all back).
 */
public enum ToxicType {
    /** Delays each chunk by {@code latency} ms plus or minus a uniform {@code jitter} ms, from when it was read. */
    LATENCY("latency", "latency", "jitter"),
    /** Paces bytes at {@code rate} KB/s (1 KB = 1000 bytes); 0 or less is no limit. */
    BANDWIDTH("bandwidth", "rate"),
    /** Passes data, holds the close back by {@code delay} ms. */
    SLOW_CLOSE("slow_close", "delay"),
    /** Drops data and closes after {@code timeout} ms without data; 0 holds the connection for as long as it stays. */
    TIMEOUT("timeout", "timeout"),
    /** On the first chunk waits {@code timeout} ms, then resets both sockets (TCP RST). */
    RESET_PEER("reset_peer", "timeout"),
    /** Splits chunks around {@code average_size} ± {@code size_variation} bytes, {@code delay} µs apart. */
    SLICER("slicer", "average_size", "size_variation", "delay"),
    /** Closes the connection once {@code bytes} bytes have passed in this direction. */
    LIMIT_DATA("limit_data", "bytes");

    private final String wire;
    private final List<String> attributes;

    ToxicType(String wire, String... attributes) {
        this.wire = wire;
        this.attributes = List.of(attributes);
    }

    public String wire() {
        return wire;
    }

    public List<String> attributes() {
        return attributes;
    }

    static ToxicType named(String wire) {
        for (ToxicType t : values()) {
            if (t.wire.equals(wire)) {
                return t;
            }
        }
        throw ToxiproxyError.invalidToxicType();
    }
}
