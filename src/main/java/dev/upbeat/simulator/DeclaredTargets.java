package dev.upbeat.simulator;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.upbeat.config.ConfigException;
import dev.upbeat.json.Json;
import dev.upbeat.problem.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Targets declared in the file named by {@code UPBEAT_SIM_TARGETS}: the file is the truth for
 * them, so each start creates a missing one and re-creates one whose listen or upstream changed.
 * A bad file stops startup naming the key, the entry and the field.
 */
public final class DeclaredTargets {
    private static final Logger log = LoggerFactory.getLogger(DeclaredTargets.class);

    /** One entry of the file; {@code kind} absent is {@code http}. */
    public record Declaration(String name, String kind, String listen, String upstream) {
    }

    private DeclaredTargets() {
    }

    public static List<Declaration> read(Path file) {
        try {
            return Json.mapper().readValue(file.toFile(), new TypeReference<List<Declaration>>() { });
        } catch (IOException e) {
            throw new ConfigException("UPBEAT_SIM_TARGETS must name a JSON array of {\"name\",\"kind\",\"listen\",\"upstream\"}; "
                    + file + " could not be read: " + e.getMessage());
        }
    }

    public static void apply(SimulatorService simulations, List<Declaration> declared) {
        for (int i = 0; i < declared.size(); i++) {
            Declaration d = declared.get(i);
            try {
                Target current = simulations.targets().stream().filter(t -> t.name().equals(d.name())).findFirst().orElse(null);
                TargetKind kind = TargetKind.parse(d.kind());
                Target wanted = SimulatorService.checked(d.name(), kind, d.listen(), d.upstream(), null);
                if (current != null && current.sameDefinition(wanted)) {
                    continue;
                }
                if (current != null) {
                    simulations.deleteTarget(d.name());
                }
                simulations.createTarget(d.name(), kind, d.listen(), d.upstream());
                log.info("Simulator target {} declared in UPBEAT_SIM_TARGETS listens on {}", d.name(), d.listen());
            } catch (Problem e) {
                throw new ConfigException("UPBEAT_SIM_TARGETS entry " + i + " (" + d.name() + "): " + e.getMessage());
            }
        }
    }
}
