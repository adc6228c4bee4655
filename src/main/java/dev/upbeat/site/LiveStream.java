package dev.upbeat.site;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * One open /events stream: a small bounded queue of encoded events, drained by the request's own
 * virtual thread, so a slow or dead client blocks only its own writes. The hub never waits on it:
 * when the queue is full the stream is dropped, and the browser reconnects with Last-Event-ID.
 */
final class LiveStream {
    static final int QUEUE = 8;
    private static final byte[] HEARTBEAT = ":\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUE);
    private final OutputStream out;
    private final EndPoint endPoint;
    private volatile boolean open = true;

    /** {@code endPoint} null: the client's close is only noticed at the next write. */
    LiveStream(OutputStream out, EndPoint endPoint) {
        this.out = out;
        this.endPoint = endPoint;
    }

    /** Queues an event without waiting; false (and the stream closed) when the client is not keeping up. */
    boolean offer(byte[] event) {
        if (open && !queue.offer(event)) {
            close();
        }
        return open;
    }

    boolean isOpen() {
        return open;
    }

    /** Ends the stream at once, also when its writer is blocked on a client that does not read. */
    void close() {
        if (!open) {
            return;
        }
        open = false;
        queue.clear();
        queue.offer(END);
        if (endPoint != null) {
            endPoint.close();
        }
    }

    /** Writes queued events until the stream closes; a heartbeat when nothing came for {@code heartbeatSeconds}. */
    void drain(long heartbeatSeconds) throws InterruptedException {
        watchForClose();
        try {
            while (open) {
                byte[] event = queue.poll(heartbeatSeconds, TimeUnit.SECONDS);
                if (event == END) {
                    break;
                }
                out.write(event == null ? HEARTBEAT : event);
                out.flush();
            }
        } catch (IOException e) {
            // The client went away mid-write: nothing to report, it reconnects if it is still there.
        } finally {
            close();
        }
    }

    /**
     * Jetty notices a closed connection only when it reads or writes, and it does not read while a
     * response is being streamed. So we ask to be told when the socket turns readable: for an SSE
     * client that is its close (EOF), and the stream is released at once instead of at the next write.
     */
    private void watchForClose() {
        if (endPoint != null) {
            endPoint.tryFillInterested(Callback.from(this::readable, e -> close()));
        }
    }

    private void readable() {
        try {
            // Bytes from a client that should only listen are discarded; the response ends with the stream anyway.
            ByteBuffer scratch = BufferUtil.allocate(64);
            if (endPoint.fill(scratch) < 0) {
                close();
            } else if (open) {
                watchForClose();
            }
        } catch (IOException e) {
            close();
        }
    }
}
