package dev.upbeat.simulator;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Blocker;

/**
 * The faults that go under HTTP: they act on the connection itself (Jetty's {@link EndPoint}),
 * so the client sees a reset, a close, garbage or silence, and never a well-formed answer.
 */
final class SocketFaults {
    /**
     * A status line announcing a chunked body, then bytes that are no chunk (as WireMock's
     * MALFORMED_RESPONSE_CHUNK): lenient clients accept odd headers, but none can size this body.
     */
    static final byte[] MALFORMED = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nlorem \u0001\u00ff\u0000 garbage\r\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    private SocketFaults() {
    }

    static EndPoint endPoint(Request request) {
        return request.getConnectionMetaData().getConnection().getEndPoint();
    }

    /** SO_LINGER 0 makes close() send RST instead of FIN: the client sees "connection reset". */
    static void reset(Request request) {
        EndPoint ep = endPoint(request);
        if (ep instanceof SocketChannelEndPoint s) {
            try {
                SocketChannel channel = s.getChannel();
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException ignored) {
                // the socket is already gone: that is a reset for the client too
            }
        }
        ep.close();
    }

    static void close(Request request) {
        endPoint(request).close();
    }

    static void malformed(Request request) throws IOException {
        EndPoint ep = endPoint(request);
        try (Blocker.Callback written = Blocker.callback()) {
            ep.write(written, ByteBuffer.wrap(MALFORMED));
            written.block();
        } finally {
            ep.close();
        }
    }

    /** Says nothing until {@code max} passes, the client goes away or {@code stillActive} turns false. */
    static void hang(Request request, Duration max, BooleanSupplier stillActive) throws InterruptedException {
        EndPoint ep = endPoint(request);
        keepOpenFor(ep, max);
        long deadline = System.nanoTime() + max.toNanos();
        while (ep.isOpen() && stillActive.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(Math.min(50, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        }
        ep.close();
    }

    /** Jetty would otherwise close a connection that is silent for its idle timeout. */
    static void keepOpenFor(EndPoint ep, Duration wait) {
        long needed = wait.toMillis() + 30_000;
        if (ep.getIdleTimeout() < needed) {
            ep.setIdleTimeout(needed);
        }
    }
}
