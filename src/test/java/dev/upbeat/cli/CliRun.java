package dev.upbeat.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code upbeat} in its own JVM with the test classpath, as an operator would from a shell. */
record CliRun(int exit, String out, String err) {

    record Started(Process process, Path out, Path err) {
    }

    static Started start(String databaseUrl, Map<String, String> env, String... args) throws IOException {
        return startWithInput(databaseUrl, env, null, args);
    }

    /** With {@code input} (when not null) as standard input, as from a pipe. */
    static Started startWithInput(String databaseUrl, Map<String, String> env, String input, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        // The production logging configuration, not logback-test.xml: the output is what an operator sees.
        // Native access as the jar's manifest grants it, so SQLite's loader does not warn.
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-Dlogback.configurationFile=logback.xml", "-cp",
                System.getProperty("java.class.path"), "dev.upbeat.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("UPBEAT_ADMIN_TOKEN");
        pb.environment().remove("PORT");
        pb.environment().remove("UPBEAT_URL");
        pb.environment().remove("UPBEAT_LOG_LEVEL");
        pb.environment().put("DATABASE_URL", databaseUrl);
        pb.environment().putAll(env);
        Path out = Files.createTempFile("upbeat-out", ".txt");
        Path err = Files.createTempFile("upbeat-err", ".txt");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        if (input != null) {
            Path in = Files.createTempFile("upbeat-in", ".txt");
            Files.writeString(in, input, StandardCharsets.UTF_8);
            pb.redirectInput(in.toFile());
        }
        return new Started(pb.start(), out, err);
    }

    static CliRun of(String databaseUrl, Map<String, String> env, String... args) throws IOException, InterruptedException {
        return withInput(databaseUrl, env, null, args);
    }

    static CliRun withInput(String databaseUrl, Map<String, String> env, String input, String... args)
            throws IOException, InterruptedException {
        Started started = startWithInput(databaseUrl, env, input, args);
        if (!started.process().waitFor(120, TimeUnit.SECONDS)) {
            started.process().destroyForcibly();
            throw new AssertionError("upbeat " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new CliRun(started.process().exitValue(), Files.readString(started.out(), StandardCharsets.UTF_8),
                Files.readString(started.err(), StandardCharsets.UTF_8));
    }
}
