package dev.upbeat.simulator;

import dev.upbeat.problem.Problem;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.function.Supplier;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * One target's listener: a small Jetty server of its own on the target's address, so that a
 * target can be started, stopped and broken without touching the status page's server. The live
 * simulation is swapped in and out atomically; requests read it once each.
 */
public final class FaultProxy implements Served {
    /** Selectors never wait on an upstream ({@link UpstreamLane}): two did as well as four, with fewer preemptions (docs/benchmarks.md). */
    private static final int SELECTORS = 2;

    private final Target target;
    private final Server server;
    private final ServerConnector connector;
    private volatile ActiveRun live;

    private final ProxyMetrics metrics;

    private Upstream upstream;

    private FaultProxy(Target target, Server server, ServerConnector connector, ProxyMetrics metrics) {
        this.target = target;
        this.server = server;
        this.connector = connector;
        this.metrics = metrics;
    }

    /**
     * Binds and starts the listener; a taken or impossible address is refused naming it (409 for
     * a port in use, 422 for an address this machine does not have).
     */
    public static FaultProxy start(Target target, Supplier<String> statusPageUrl, MeterRegistry registry) {
        return start(target, statusPageUrl, registry, Upstream.Limits.DEFAULT);
    }

    /** As above, with other time limits on the upstream. */
    static FaultProxy start(Target target, Supplier<String> statusPageUrl, MeterRegistry registry, Upstream.Limits limits) {
        Server server = new Server(new SelectorConnector.Threads("sim-" + target.name()));
        HttpConfiguration http = FrontDoor.configuration();
        http.setSendDateHeader(false);
        ServerConnector connector = new SelectorConnector(server, 1, SELECTORS, new HttpConnectionFactory(http));
        connector.setHost(target.listen().host());
        connector.setPort(target.listen().port());
        connector.setIdleTimeout(30_000);
        connector.setReuseAddress(true);
        server.addConnector(connector);
        ProxyMetrics metrics = new ProxyMetrics(registry, target.name());
        FaultProxy proxy = new FaultProxy(target, server, connector, metrics);
        proxy.upstream = target.upstream() == null ? null : new Upstream(target.upstream(), metrics, limits);
        FaultHandler handler = new FaultHandler(target.name(), proxy.upstream, statusPageUrl, () -> proxy.live, metrics);
        server.setHandler(handler);
        server.setErrorHandler(FrontDoor.answering(handler::refusal));
        server.setStopTimeout(2_000);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            proxy.closeUpstream();
            throw refusal(target, e);
        }
        metrics.open();
        return proxy;
    }

    private static Problem refusal(Target target, Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof java.net.BindException)) {
            cause = cause.getCause();
        }
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (cause instanceof java.net.BindException && detail.toLowerCase().contains("in use")) {
            return Problem.conflict("listen " + target.listen() + ": port " + target.listen().port()
                    + " is already in use; choose another port (or 0 for any free one)");
        }
        return Problem.invalid("listen", "listen " + target.listen() + " cannot be bound: " + detail);
    }

    /** The target, with the port actually bound when 0 was asked for. */
    @Override
    public Target target() {
        return target.withPort(connector.getLocalPort());
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public ActiveRun live() {
        return live;
    }

    /** Makes {@code run} the live simulation (null: none); returns the one it replaced. */
    @Override
    public ActiveRun swap(ActiveRun run) {
        ActiveRun previous = live;
        live = run;
        return previous;
    }

    @Override
    public void close() {
        live = null;
        closeUpstream();   // first, so that forwards waiting on the upstream end now and the server stops at once
        stopQuietly(server);
        metrics.close();
    }

    private void closeUpstream() {
        if (upstream != null) {
            upstream.close();
        }
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(FaultProxy.class).warn("Could not stop a simulator listener cleanly", e);
        }
    }
}
