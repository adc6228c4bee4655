package dev.upbeat.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code upbeat sbom push}: a component's bill of materials from CI, through a running Upbeat's API. */
@Command(name = "sbom", mixinStandardHelpOptions = true, description = "Send components' software bills of materials.",
        subcommands = SbomCommand.Push.class)
public final class SbomCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: push");
    }

    @Command(name = "push", mixinStandardHelpOptions = true,
            description = "Replace a component's inventory with an SBOM (CycloneDX JSON or XML, SPDX 2.3 JSON); prints the packages stored.")
    static final class Push implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "COMPONENT", description = "The component's id")
        String component;
        @Parameters(index = "1", paramLabel = "FILE", description = "The SBOM: *.xml is CycloneDX XML, *.spdx.json SPDX, other JSON is recognised by its content")
        Path file;

        @Override
        public Integer call() {
            byte[] document;
            try {
                document = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
            }
            var answer = ApiClient.fromEnvironment().put("/api/v1/components/" + component + "/sbom", contentType(file), document);
            spec.commandLine().getOut().println(answer.get("packages").asInt() + " packages stored for " + component);
            return 0;
        }

        /** The file's name says its format where it can; the server tells CycloneDX from SPDX JSON by content. */
        static String contentType(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".xml")) {
                return "application/vnd.cyclonedx+xml";
            }
            if (name.endsWith(".spdx.json")) {
                return "application/spdx+json";
            }
            return "application/json";
        }
    }
}
