package dev.upbeat.cli;

import dev.upbeat.simulator.StandaloneMaintenance;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code upbeat sim serve --maintenance}: a drop-in heroku/api-maintenance-sim on PORT, with no
 * database and nothing else to configure.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Answer every request on PORT (default 8080) like heroku/api-maintenance-sim: 503 and its JSON body.")
final class SimServeCommand implements Callable<Integer>, Serving {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Option(names = "--maintenance", required = true, description = "Answer as the Platform API in maintenance (the only mode)")
    boolean maintenance;

    @Override
    public Integer call() throws Exception {
        String raw = System.getenv("PORT");
        int port;
        try {
            port = raw == null || raw.isBlank() ? 8080 : Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PORT must be a TCP port from 0 to 65535; got '" + raw + "'");
        }
        StandaloneMaintenance server = StandaloneMaintenance.start("0.0.0.0", port);
        spec.commandLine().getErr().println("Answering every request with 503 maintenance on port " + server.port());
        spec.commandLine().getErr().flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception ignored) {
                // stopping anyway
            }
            stopped.countDown();
        }, "sim-shutdown"));
        stopped.await();
        return 0;
    }
}
