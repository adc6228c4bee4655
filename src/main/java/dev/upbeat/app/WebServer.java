package dev.upbeat.app;

import dev.upbeat.json.Json;
import dev.upbeat.web.Endpoints;
import dev.upbeat.web.ErrorMapping;
import dev.upbeat.web.EdgeHeaders;
import dev.upbeat.web.ErrorPages;
import dev.upbeat.web.PublicReads;
import dev.upbeat.web.RouteTable;
import dev.upbeat.web.ServerErrors;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JsonMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Builds the HTTP server: the route table, authentication before each matched route, one error
 * mapping, self-hosted static assets, safe default headers, and a graceful stop that lets
 * requests in flight finish.
 */
public final class WebServer {
    private static final String ASSETS = "/assets";

    private final Javalin app;
    private final List<RouteTable.Route> routes = new java.util.ArrayList<>();
    private final String host;
    private final int port;

    /**
     * {@code catchUp} hears each version a client says it has seen (If-None-Match, Last-Event-ID)
     * before the request is answered, so a client served by another instance is not sent back in time.
     */
    public WebServer(String host, int port, long maxBodyBytes, List<Endpoints> features, Auth auth, ApiAudit audit,
                     java.util.function.LongConsumer catchUp, ErrorPages errorPages, MeterRegistry metrics, boolean accessLog) {
        this.host = host;
        this.port = port;
        RequestObserver observer = new RequestObserver(metrics, accessLog, ASSETS + "/");
        PublicReads reads = new PublicReads(observer, catchUp);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.threadPool = serverThreads();
            config.http.maxRequestSize = maxBodyBytes;
            config.jsonMapper(new SnakeCaseJson());
            config.staticFiles.add(files -> {
                files.hostedPath = ASSETS;
                files.directory = "/public";
                files.location = Location.CLASSPATH;
                // Compressed for clients that accept it, so a shared cache must keep the two apart.
                files.headers = Map.of("Cache-Control", "public, max-age=3600", "Vary", "Accept-Encoding");
            });
            config.jetty.modifyServer(server -> {
                // Javalin nests its context inside the innermost wrapper: the public reads answered
                // without routing come first. On stop the graceful wrapper waits for requests in flight.
                server.setHandler(new GracefulHandler(reads));
                server.setStopTimeout(Duration.ofSeconds(10).toMillis());
                // Requests refused before routing (bad URI, URI or headers too long) get the one error shape.
                server.setErrorHandler(new ServerErrors());
            });
            // Runs after the answer is written, for every request (errors and static files included).
            config.requestLogger.http(observer::end);
            config.routes.before(ctx -> {
                observer.begin(ctx);
                EdgeHeaders.apply(ctx::header);
                long seen = EdgeHeaders.seen(ctx.header("If-None-Match"), ctx.header("Last-Event-ID"));
                if (seen > 0) {
                    catchUp.accept(seen);
                }
            });
            config.routes.beforeMatched(auth::check);
            config.routes.afterMatched(audit::after);
            RouteTable table = new RouteTable(config.routes, reads);
            ErrorMapping.install(config.routes, table::allowed, errorPages);
            routes.addAll(table.addAll(features).declared());
        });
    }

    /** Every route declared, in the order they are matched. */
    public List<RouteTable.Route> routes() {
        return List.copyOf(routes);
    }

    public WebServer start() {
        if (port != 0) {
            // Tried first, so a port in use is one exception to report rather than Javalin's logged error plus ours.
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(true); // as Jetty does, so a port in TIME_WAIT is not refused here
                probe.bind(new InetSocketAddress(host, port));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        app.start(host, port);
        return this;
    }

    /** The port actually bound (useful when 0 asked for any free port). */
    public int port() {
        return app.port();
    }

    public void stop() {
        app.stop();
    }

    Server jetty() {
        return app.jettyServer().server();
    }

    /** Javalin's ctx.json goes through the project's one JSON configuration. */
    private static final class SnakeCaseJson implements JsonMapper {
        @Override
        public String toJsonString(Object obj, Type type) {
            try {
                return Json.mapper().writeValueAsString(obj);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot serialise " + type, e);
            }
        }
    }

    /**
     * Platform threads select, accept and answer the public reads (which never block), so the hot
     * path runs on the thread that read the request, scheduled by the OS like any other; what is
     * routed (it may block, and each live-update stream holds its request) runs on a virtual thread
     * of its own, so a thousand streams stay cheap. Javalin's own virtual-thread pool would run the
     * selector itself as a virtual thread, sharing the few carrier threads with every routed request.
     */
    private static QueuedThreadPool serverThreads() {
        QueuedThreadPool threads = new QueuedThreadPool(200, 4);
        threads.setName("upbeat-http");
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        return threads;
    }
}
