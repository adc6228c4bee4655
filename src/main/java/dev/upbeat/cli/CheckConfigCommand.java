package dev.upbeat.cli;

import dev.upbeat.config.ConfigLoader;
import dev.upbeat.config.UpbeatConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code upbeat check-config}: validates the environment and prints the effective settings, secrets hidden. */
@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = "Check the configuration from the environment and print the effective settings.")
public final class CheckConfigCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        UpbeatConfig config = ConfigLoader.fromEnvironment();
        config.describe().forEach((key, value) -> spec.commandLine().getOut().printf("%-30s %s%n", key, value));
        spec.commandLine().getOut().println("Configuration is valid.");
        return 0;
    }
}
