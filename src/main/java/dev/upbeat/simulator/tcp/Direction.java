package dev.upbeat.simulator.tcp;

import java.util.Locale;

/** Which bytes a toxic acts on: {@code upstream} is client to server, {@code downstream} server to client. */
public enum Direction {
    UPSTREAM, DOWNSTREAM;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** As Toxiproxy's {@code stream.ParseDirection}: case-insensitive, anything else refused. */
    static Direction parse(String value) {
        for (Direction d : values()) {
            if (d.wire().equals(value.toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        throw ToxiproxyError.invalidStream();
    }
}
