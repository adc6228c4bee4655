package dev.upbeat.simulator.tcp;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Toxiproxy's HTTP control API (version 2.12), on a listener of its own, so Toxiproxy clients and
 * test suites drive Upbeat's TCP proxies unchanged. Answers, status codes and error bodies are
 * Toxiproxy's: errors go out as Go's {@code http.Error} writes them (text/plain, a JSON body and a
 * newline). It has no authentication, as Toxiproxy has none: it is off unless asked for and
 * listens on loopback by default (docs/simulator.md).
 */
public final class ToxiproxyApi implements AutoCloseable {
    /** The Toxiproxy release whose API this one answers as; clients check it (Ruby wants 2.6 or later). */
    public static final String VERSION = "2.12.0";
    private static final Logger log = LoggerFactory.getLogger(ToxiproxyApi.class);
    private static final SecureRandom IDS = new SecureRandom();

    private final TcpProxies proxies;
    private final Server server;
    private final ServerConnector connector;

    private ToxiproxyApi(TcpProxies proxies, String host, int port) {
        this.proxies = proxies;
        this.server = new Server();
        this.connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                serve(request, response, callback);
                return true;
            }
        });
        // Calls are short and clients keep connections alive: stopping waits for no one.
        server.setStopTimeout(0);
    }

    /** Starts the API on {@code host:port} over the given proxies; port 0 takes any free port. */
    public static ToxiproxyApi start(TcpProxies proxies, String host, int port) throws Exception {
        ToxiproxyApi api = new ToxiproxyApi(proxies, host, port);
        api.server.start();
        InetSocketAddress bound = new InetSocketAddress(host, api.port());
        if (bound.getAddress() == null || !bound.getAddress().isLoopbackAddress()) {
            log.warn("The Toxiproxy API listens on {}:{}, beyond loopback: anyone who reaches it can open proxies "
                    + "and break connections (it has no authentication, as Toxiproxy has none)", host, api.port());
        } else {
            log.info("Toxiproxy API listening on {}:{}", host, api.port());
        }
        return api;
    }

    /** Starts the API on {@code host:port} ({@code [v6]:port} for an IPv6 address). */
    public static ToxiproxyApi start(TcpProxies proxies, String hostPort) throws Exception {
        int colon = hostPort.lastIndexOf(':');
        String host = hostPort.substring(0, colon).replaceAll("^\\[|\\]$", "");
        return start(proxies, host, Integer.parseInt(hostPort.substring(colon + 1)));
    }

    public int port() {
        return connector.getLocalPort();
    }

    private void serve(Request request, Response response, Callback callback) {
        response.getHeaders().put("X-Toxiproxy-Request-Id", requestId());
        String method = request.getMethod();
        List<String> path = List.of(Request.getPathInContext(request).replaceAll("^/+|/+$", "").split("/"));
        try {
            Route route = route(path);
            if (route == null) {
                text(response, callback, 404, "404 page not found\n");
            } else if (!route.methods.contains(method)) {
                response.setStatus(405);
                callback.succeeded();
            } else if (String.valueOf(request.getHeaders().get(HttpHeader.USER_AGENT)).startsWith("Mozilla/")) {
                text(response, callback, 403, "User agent not allowed\n");
            } else {
                String body = Content.Source.asString(request, StandardCharsets.UTF_8);
                Answer answer = answer(route, method, path, body);
                if (answer.body == null) {
                    response.setStatus(answer.status);
                    callback.succeeded();
                } else {
                    send(response, callback, answer.status, answer.contentType, answer.body);
                }
            }
        } catch (ToxiproxyError e) {
            response.getHeaders().put("X-Content-Type-Options", "nosniff");
            text(response, callback, e.status(), ToxiproxyJson.error(e) + "\n");
        } catch (Exception e) {
            log.warn("Toxiproxy API {} {} failed", method, request.getHttpURI().getPath(), e);
            text(response, callback, 500, "{\"error\":\"internal error\",\"status\":500}\n");
        }
    }

    private enum Route {
        RESET("POST"), PROXIES("GET", "POST"), POPULATE("POST"), PROXY("GET", "POST", "PATCH", "DELETE"),
        TOXICS("GET", "POST"), TOXIC("GET", "POST", "PATCH", "DELETE"), VERSION("GET");

        final Set<String> methods;

        Route(String... methods) {
            this.methods = Set.of(methods);
        }
    }

    private static Route route(List<String> p) {
        return switch (p.size()) {
            case 1 -> switch (p.get(0)) {
                case "reset" -> Route.RESET;
                case "proxies" -> Route.PROXIES;
                case "populate" -> Route.POPULATE;
                case "version" -> Route.VERSION;
                default -> null;
            };
            case 2 -> p.get(0).equals("proxies") ? Route.PROXY : null;
            case 3 -> p.get(0).equals("proxies") && p.get(2).equals("toxics") ? Route.TOXICS : null;
            case 4 -> p.get(0).equals("proxies") && p.get(2).equals("toxics") ? Route.TOXIC : null;
            default -> null;
        };
    }

    private record Answer(int status, String contentType, String body) {
        static Answer json(int status, JsonNode body) {
            return new Answer(status, "application/json", body.toString());
        }

        static Answer empty() {
            return new Answer(204, null, null);
        }
    }

    private Answer answer(Route route, String method, List<String> p, String body) {
        return switch (route) {
            case RESET -> {
                proxies.reset();
                yield Answer.empty();
            }
            case VERSION -> new Answer(200, "application/json;charset=utf-8", "{\"version\": \"" + VERSION + "\"}\n");
            case PROXIES -> method.equals("GET") ? Answer.json(200, ToxiproxyJson.proxies(proxies.all()))
                    : Answer.json(201, ToxiproxyJson.proxy(proxies.create(ToxiproxyJson.proxySpec(ToxiproxyJson.parse(body)))));
            case POPULATE -> populate(body);
            case PROXY -> proxy(method, p.get(1), body);
            case TOXICS -> method.equals("GET") ? Answer.json(200, ToxiproxyJson.toxics(proxies.get(p.get(1)).toxics().all()))
                    : Answer.json(200, ToxiproxyJson.toxic(addToxic(proxies.get(p.get(1)), body)));
            case TOXIC -> toxic(method, proxies.get(p.get(1)), p.get(3), body);
        };
    }

    private Answer populate(String body) {
        TcpProxies.Populated result = proxies.populate(ToxiproxyJson.proxySpecs(ToxiproxyJson.parse(body)));
        var out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        if (result.error() != null) {
            out.put("error", result.error().getMessage());
            out.put("status", result.error().status());
        }
        out.set("proxies", ToxiproxyJson.proxyList(result.proxies()));
        return Answer.json(result.error() == null ? 201 : result.error().status(), out);
    }

    private Answer proxy(String method, String name, String body) {
        return switch (method) {
            case "GET" -> Answer.json(200, ToxiproxyJson.proxy(proxies.get(name)));
            case "DELETE" -> {
                proxies.delete(name);
                yield Answer.empty();
            }
            default -> {
                proxies.get(name);
                yield Answer.json(200, ToxiproxyJson.proxy(proxies.update(name, ToxiproxyJson.proxySpec(ToxiproxyJson.parse(body)))));
            }
        };
    }

    private static Toxic addToxic(TcpProxy proxy, String body) {
        return proxy.toxics().add(ToxiproxyJson.newToxic(ToxiproxyJson.parse(body)));
    }

    private static Answer toxic(String method, TcpProxy proxy, String name, String body) {
        return switch (method) {
            case "GET" -> Answer.json(200, ToxiproxyJson.toxic(proxy.toxics().get(name)));
            case "DELETE" -> {
                proxy.toxics().remove(name);
                yield Answer.empty();
            }
            default -> {
                proxy.toxics().get(name);
                JsonNode change = ToxiproxyJson.parse(body);
                yield Answer.json(200, ToxiproxyJson.toxic(proxy.toxics().update(name, t -> ToxiproxyJson.updated(t, change))));
            }
        };
    }

    private static void text(Response response, Callback callback, int status, String body) {
        send(response, callback, status, "text/plain; charset=utf-8", body);
    }

    private static void send(Response response, Callback callback, int status, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    /** Twenty characters of base 32, the shape of the xid Toxiproxy sends. */
    private static String requestId() {
        String alphabet = "0123456789abcdefghijklmnopqrstuv";
        StringBuilder id = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            id.append(alphabet.charAt(IDS.nextInt(32)));
        }
        return id.toString();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
