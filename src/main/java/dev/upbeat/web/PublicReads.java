package dev.upbeat.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.VirtualThreads;

/**
 * The public reads that take no parameters (the home page, the badge, the fixed API bodies) are
 * the traffic of an incident, so the server answers them itself, in front of the router: a map
 * lookup, the snapshot's bytes (copied once per body off the heap, where the socket can take them
 * without another copy, and gzipped once when the client accepts it) and the same
 * headers, metrics and access line as a routed answer, on the thread that read the request, for
 * nothing here blocks. Every other request goes on to the router on a virtual thread of its own,
 * as before. Routes reach this table only through {@link RouteTable#read}.
 */
public final class PublicReads extends Handler.Wrapper {
    /** Bodies smaller than this are sent as they are: compressing them saves less than it costs (as the router does). */
    static final int MIN_GZIP_BYTES = 1500;
    private static final int MAX_ENCODED = 64;
    private static final HttpField GZIP = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");

    /** What a read may know of its request: a header, by name. */
    @FunctionalInterface
    public interface Headers {
        String get(String name);
    }

    /** Answers a request from the current snapshot. Must not block: it runs on the server's own thread. */
    @FunctionalInterface
    public interface Read {
        Caching.Answer answer(Headers request);
    }

    /** Hears each answer made here, as the router's request logger hears the others. */
    @FunctionalInterface
    public interface Observer {
        void answered(String method, String route, int status, long nanos, String requestId);
    }

    private final Map<String, Read> reads = new HashMap<>();
    /** A body as sent: off the heap, as it is and gzipped (null when too small to be worth it), shared read-only. */
    private record Encoded(ByteBuffer plain, ByteBuffer gzip) {
    }

    /** Keyed by the body array itself (arrays compare by identity): each snapshot's body is encoded once. */
    private final Map<byte[], Encoded> encoded = new ConcurrentHashMap<>();
    private final Observer observer;
    private final LongConsumer catchUp;
    private Executor routed;

    /** {@code catchUp} hears each version a client says it has seen, before it is answered. */
    public PublicReads(Observer observer, LongConsumer catchUp) {
        this.observer = observer;
        this.catchUp = catchUp;
    }

    void add(String path, Read read) {
        if (isStarted() || reads.putIfAbsent(path, read) != null) {
            throw new IllegalStateException("Cannot add the read of " + path);
        }
    }

    @Override
    protected void doStart() throws Exception {
        Executor pool = getServer().getThreadPool();
        Executor virtual = VirtualThreads.getVirtualThreadsExecutor(pool);
        routed = virtual != null ? virtual : pool;
        super.doStart();
    }

    /** Nothing here blocks; the router, which may, is handed its own thread (see {@link #handle}). */
    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        Read read = "GET".equals(method) || "HEAD".equals(method) ? reads.get(path(request)) : null;
        if (read == null) {
            routed.execute(() -> route(request, response, callback));
            return true;
        }
        long start = System.nanoTime();
        HttpFields in = request.getHeaders();
        String id = RequestIds.accept(in.get(RequestIds.HEADER));
        long seen = EdgeHeaders.seen(in.get(HttpHeader.IF_NONE_MATCH), in.get("Last-Event-ID"));
        if (seen > 0) {
            catchUp.accept(seen);
        }
        Caching.Answer answer = read.answer(in::get);
        // Added, not put: the answer starts with no headers, and put would compare each name
        // with every header already set (the largest cost of a read in the profile).
        HttpFields.Mutable out = response.getHeaders();
        out.add(RequestIds.HEADER, id);
        EdgeHeaders.PREPARED.forEach(out::add);
        Caching.headers(answer, out::add);
        int status = send(in, answer, response, callback);
        observer.answered(method, path(request), status, System.nanoTime() - start, id);
        return true;
    }

    private int send(HttpFields in, Caching.Answer answer, Response response, Callback callback) {
        if (Caching.notModified(in.get(HttpHeader.IF_NONE_MATCH), answer.etag())) {
            response.setStatus(304);
            response.write(true, null, callback);
            return 304;
        }
        Encoded body = encoded(answer.body());
        ByteBuffer bytes = body.plain();
        if (body.gzip() != null && acceptsGzip(in.get(HttpHeader.ACCEPT_ENCODING))) {
            bytes = body.gzip();
            response.getHeaders().add(GZIP);
        }
        response.setStatus(200);
        response.getHeaders().add(HttpHeader.CONTENT_TYPE, answer.contentType());
        response.getHeaders().add(new HttpField.LongValueHttpField(HttpHeader.CONTENT_LENGTH, bytes.remaining()));
        // HEAD gets the headers of GET, Content-Length included; the server sends no body for it.
        // A view of its own for each request: the write moves its position, never the shared bytes.
        response.write(true, bytes.slice(), callback);
        return 200;
    }

    private void route(Request request, Response response, Callback callback) {
        try {
            if (!super.handle(request, response, callback)) {
                Response.writeError(request, response, callback, 404);
            }
        } catch (Throwable t) {
            Response.writeError(request, response, callback, t);
        }
    }

    /** The route's path as the router matches it: a trailing slash makes no difference there either. */
    private static String path(Request request) {
        String path = request.getHttpURI().getPath();
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private Encoded encoded(byte[] body) {
        Encoded done = encoded.get(body);
        if (done == null) {
            if (encoded.size() >= MAX_ENCODED) {
                // Bodies of past snapshots; the current ones come back at their next request.
                encoded.clear();
            }
            done = new Encoded(offHeap(body), body.length >= MIN_GZIP_BYTES ? offHeap(gzip(body)) : null);
            encoded.put(body, done);
        }
        return done;
    }

    private static ByteBuffer offHeap(byte[] bytes) {
        return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip().asReadOnlyBuffer();
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** True unless the client does not name gzip (or *) or gives it q=0. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] fields = part.split(";");
            String coding = fields[0].strip();
            if (coding.equalsIgnoreCase("gzip") || coding.equals("*")) {
                return fields.length < 2 || !fields[1].strip().matches("(?i)q\\s*=\\s*0(\\.0*)?");
            }
        }
        return false;
    }
}
