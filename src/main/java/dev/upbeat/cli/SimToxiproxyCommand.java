package dev.upbeat.cli;

import dev.upbeat.config.ConfigLoader;
import dev.upbeat.simulator.tcp.TcpProxies;
import dev.upbeat.simulator.tcp.ToxiproxyApi;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code upbeat sim toxiproxy}: TCP proxies behind the Toxiproxy-compatible API, with no database,
 * so Toxiproxy's clients and test suites can use Upbeat in its place.
 */
@Command(name = "toxiproxy", mixinStandardHelpOptions = true,
        description = "Serve TCP proxies and toxics through Toxiproxy's HTTP API (version 2.12), with no database.")
final class SimToxiproxyCommand implements Callable<Integer>, Serving {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Option(names = "--listen", paramLabel = "HOST:PORT",
            description = "Where the API listens (default: UPBEAT_TOXIPROXY_LISTEN, else 127.0.0.1:8474)")
    String listen;

    @Override
    public Integer call() throws Exception {
        String address = listen != null ? listen : System.getenv("UPBEAT_TOXIPROXY_LISTEN");
        address = address == null || address.isBlank() ? "127.0.0.1:8474" : address.strip();
        try {
            ConfigLoader.listenOrOff(address);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--listen must be host:port such as 127.0.0.1:8474; got '" + address + "'");
        }
        TcpProxies proxies = new TcpProxies(new Random());
        ToxiproxyApi api = ToxiproxyApi.start(proxies, address);
        spec.commandLine().getErr().println("Toxiproxy API listening on port " + api.port());
        spec.commandLine().getErr().flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                api.close();
            } catch (Exception ignored) {
                // stopping anyway
            }
            proxies.close();
            stopped.countDown();
        }, "toxiproxy-shutdown"));
        stopped.await();
        return 0;
    }
}
