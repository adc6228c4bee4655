package dev.upbeat.simulator;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.client.ContentSourceRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * Forwards one request to the upstream and streams the answer back: method, path, query,
 * end-to-end headers plus X-Forwarded-For/Proto/Host, request and response bodies as they come
 * (Jetty's client re-chunks when the length is unknown). Hop-by-hop headers stay on their hop.
 */
final class Upstream {
    /** RFC 9110 section 7.6.1, plus Host (the client sets the upstream's). */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host");
    private static final Duration HEADERS_TIMEOUT = Duration.ofMinutes(2);

    private final HttpClient client;
    private final URI base;
    private final ProxyMetrics metrics;

    Upstream(HttpClient client, URI base, ProxyMetrics metrics) {
        this.client = client;
        this.base = base;
        this.metrics = metrics;
    }

    /**
     * The fast path, with no fault: relays the answer asynchronously, chunk by chunk, each chunk
     * asked for only once the client has taken the last (no thread waits, no copy).
     * {@code unreachable} answers when the upstream fails before anything was sent.
     */
    void relay(Request in, Response out, Callback done, Consumer<Callback> unreachable) {
        long started = System.nanoTime();
        request(in).send(new org.eclipse.jetty.client.Response.Listener() {
            @Override
            public void onHeaders(org.eclipse.jetty.client.Response answer) {
                metrics.upstream(Duration.ofNanos(System.nanoTime() - started));
                copyResponseHead(answer, out);
            }

            @Override
            public void onContent(org.eclipse.jetty.client.Response answer, Content.Chunk chunk, Runnable demand) {
                chunk.retain();
                // Non-blocking: run by whichever selector completes the write, without a hand-off.
                out.write(false, chunk.getByteBuffer(), Callback.from(Invocable.InvocationType.NON_BLOCKING, () -> {
                    chunk.release();
                    demand.run();
                }, failure -> {
                    chunk.release();
                    answer.abort(failure);
                }));
            }

            @Override
            public void onComplete(Result result) {
                if (result.isSucceeded()) {
                    out.write(true, org.eclipse.jetty.util.BufferUtil.EMPTY_BUFFER, done);
                } else if (!out.isCommitted()) {
                    out.reset();
                    unreachable.accept(done);
                } else {
                    done.failed(result.getFailure());
                }
            }
        });
    }

    /** The blocking path, for body faults: relays the answer through {@code body}; throws if the upstream cannot be reached. */
    void forward(Request in, Response out, BodyWriter body) throws Exception {
        var request = request(in);
        InputStreamResponseListener listener = new InputStreamResponseListener();
        long started = System.nanoTime();
        request.send(listener);
        var answer = listener.get(HEADERS_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        metrics.upstream(Duration.ofNanos(System.nanoTime() - started));
        copyResponseHead(answer, out);
        try (InputStream content = listener.getInputStream()) {
            byte[] buffer = new byte[16 * 1024];
            int n;
            while ((n = content.read(buffer)) >= 0) {
                if (n > 0 && !body.write(buffer, 0, n)) {
                    request.abort(new java.io.IOException("body cut by a truncate fault"));
                    return;
                }
            }
        }
        body.finish();
    }

    private org.eclipse.jetty.client.Request request(Request in) {
        var request = newRequest(in).method(in.getMethod());
        request.headers(h -> copyRequestHeaders(in, h));
        if (hasBody(in)) {
            request.body(new ContentSourceRequestContent(in, in.getHeaders().get(HttpHeader.CONTENT_TYPE)));
        }
        return request;
    }

    private static void copyResponseHead(org.eclipse.jetty.client.Response answer, Response out) {
        out.setStatus(answer.getStatus());
        for (HttpField f : answer.getHeaders()) {
            if (!HOP_BY_HOP.contains(f.getLowerCaseName())) {
                out.getHeaders().add(f);
            }
        }
    }

    private org.eclipse.jetty.client.Request newRequest(Request in) {
        String path = in.getHttpURI().getPath();
        String query = in.getHttpURI().getQuery();
        String basePath = base.getRawPath() == null || base.getRawPath().equals("/") ? "" : base.getRawPath().replaceAll("/$", "");
        String pathAndQuery = basePath + path + (query == null ? "" : "?" + query);
        try {
            return client.newRequest(URI.create(base.getScheme() + "://" + base.getRawAuthority() + pathAndQuery));
        } catch (IllegalArgumentException e) {
            // A path java.net.URI refuses (a bad escape such as /a%zz) still goes upstream as it came.
            return client.newRequest(base).path(pathAndQuery);
        }
    }

    private static void copyRequestHeaders(Request in, HttpFields.Mutable h) {
        h.clear();
        String connectionTokens = in.getHeaders().get(HttpHeader.CONNECTION);
        for (HttpField f : in.getHeaders()) {
            String name = f.getLowerCaseName();
            if (!HOP_BY_HOP.contains(name) && (connectionTokens == null || !connectionTokens.toLowerCase().contains(name))) {
                h.add(f);
            }
        }
        String forwardedFor = in.getHeaders().get("X-Forwarded-For");
        String client = address(in.getConnectionMetaData().getRemoteSocketAddress());
        h.put("X-Forwarded-For", forwardedFor == null ? client : forwardedFor + ", " + client);
        h.put("X-Forwarded-Proto", in.getHttpURI().getScheme() == null ? "http" : in.getHttpURI().getScheme());
        String host = in.getHeaders().get(HttpHeader.HOST);
        if (host != null) {
            h.put("X-Forwarded-Host", host);
        }
    }

    private static boolean hasBody(Request in) {
        return in.getLength() > 0 || in.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    private static String address(SocketAddress a) {
        return a instanceof InetSocketAddress i ? i.getAddress().getHostAddress() : String.valueOf(a);
    }
}
