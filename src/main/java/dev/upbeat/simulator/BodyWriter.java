package dev.upbeat.simulator;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;

/**
 * Writes a body to the client in the given {@link BodyShape}: paced writes are spread so that
 * byte {@code n} leaves at {@code n / rate} seconds; a cut writes up to its limit, flushes, and
 * closes the connection so the client sees the body end early.
 */
final class BodyWriter {
    /** Paced bodies go out in slices of a tenth of a second, so the rate is smooth at any size. */
    private static final int SLICES_PER_SECOND = 10;

    private final Request request;
    private final Response response;
    private final BodyShape shape;
    private long written;
    private long pacedStart;
    private boolean cut;

    BodyWriter(Request request, Response response, BodyShape shape) {
        this.request = request;
        this.response = response;
        this.shape = shape;
    }

    /** Writes {@code bytes[offset, offset+length)}; returns false once the body has been cut. */
    boolean write(byte[] bytes, int offset, int length) throws IOException, InterruptedException {
        switch (shape) {
            case BodyShape.AsIs a -> send(ByteBuffer.wrap(bytes, offset, length), false);
            case BodyShape.Paced p -> paced(bytes, offset, length, p.bytesPerSecond());
            case BodyShape.Cut c -> {
                long room = c.afterBytes() - written;
                send(ByteBuffer.wrap(bytes, offset, (int) Math.min(room, length)), false);
                if (room <= length) {
                    cutNow();
                    return false;
                }
            }
        }
        return true;
    }

    /** Writes the last bytes and ends the body: one write (with the head, if uncommitted) when it is not shaped. */
    boolean end(byte[] bytes, int offset, int length) throws IOException, InterruptedException {
        if (shape instanceof BodyShape.AsIs) {
            send(ByteBuffer.wrap(bytes, offset, length), true);
            return true;
        }
        if (!write(bytes, offset, length)) {
            return false;
        }
        finish();
        return true;
    }

    /** Ends the body normally, unless it was cut (or must be cut at zero bytes). */
    void finish() throws IOException {
        if (cut) {
            return;
        }
        if (shape instanceof BodyShape.Cut c && written >= c.afterBytes()) {
            cutNow();
            return;
        }
        send(ByteBuffer.allocate(0), true);
    }

    private void paced(byte[] bytes, int offset, int length, long rate) throws IOException, InterruptedException {
        if (pacedStart == 0) {
            pacedStart = System.nanoTime();
        }
        int slice = (int) Math.max(1, Math.min(64 * 1024, rate / SLICES_PER_SECOND));
        for (int at = 0; at < length; at += slice) {
            int n = Math.min(slice, length - at);
            long due = pacedStart + (written + n) * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            send(ByteBuffer.wrap(bytes, offset + at, n), false);
        }
    }

    private void cutNow() throws IOException {
        cut = true;
        // Commit what was written so far, then drop the connection mid-body.
        send(ByteBuffer.allocate(0), false);
        SocketFaults.close(request);
    }

    private void send(ByteBuffer buffer, boolean last) throws IOException {
        written += buffer.remaining();
        try (Blocker.Callback done = Blocker.callback()) {
            response.write(last, buffer, done);
            done.block();
        }
    }
}
