package dev.upbeat.probe;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of check, declared once with the URL schemes that select them: the probe's
 * {@code kind} in JSON and on the admin page, the schemes a URL may have, and which checker runs.
 */
public enum ProbeKind {
    HTTP("http", List.of("http", "https")),
    TCP("tcp", List.of("tcp"));

    private final String wire;
    private final List<String> schemes;

    ProbeKind(String wire, List<String> schemes) {
        this.wire = wire;
        this.schemes = schemes;
    }

    public String wire() {
        return wire;
    }

    /** The kind a URL with {@code scheme} selects; empty for a scheme no probe speaks. */
    public static Optional<ProbeKind> ofScheme(String scheme) {
        return Arrays.stream(values()).filter(k -> k.schemes.contains(scheme)).findFirst();
    }
}
