package dev.upbeat.simulator.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The reading half of a {@link Link}: reads its socket on a virtual thread and queues each chunk
 * stamped with the time it was read, then EOF (or FAILED when the read broke). It stops reading
 * while 1024 chunks or 1 MiB wait, so a slow receiver slows the sender (back-pressure), while
 * latency still counts from the read, as Toxiproxy's does.
 *
 * <p>While the direction has no toxic and nothing it queued is still unwritten, the reader hands
 * each chunk straight to the {@link Bypass} (a plain write to the other socket) instead: a
 * fault-free proxy then costs one thread hop less per chunk and no copy, and order is kept because
 * only this thread queues chunks and it bypasses only once the writer has finished them all.
 */
final class ChunkReader {
    /** Writes a chunk straight through when the direction has no toxic; false to queue it instead. */
    interface Bypass {
        boolean write(byte[] buffer, int length) throws IOException;
    }

    static final int READ_SIZE = 32 * 1024;
    static final Object EOF = new Object();
    static final Object FAILED = new Object();
    /** Queued to wake the writer when the toxic chain changed. */
    static final Object WAKE = new Object();
    private static final int MAX_CHUNKS = 1024;
    private static final long MAX_BUFFERED = 1 << 20;

    record Chunk(byte[] data, long at) {
    }

    private final Socket source;
    private final Bypass bypass;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    /** A lock rather than a monitor, which pins a virtual thread on Java 21. */
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition room = lock.newCondition();
    private int bufferedChunks;
    private long bufferedBytes;
    /** Chunks queued and not yet written by the writer ({@link #done}): none, and the reader may bypass. */
    private int unfinished;

    ChunkReader(Socket source, Bypass bypass) {
        this.source = source;
        this.bypass = bypass;
    }

    void start(String threadName) {
        Thread.ofVirtual().name(threadName).start(this::read);
    }

    void wake() {
        queue.add(WAKE);
    }

    /** The next item: a {@link Chunk}, EOF, FAILED or WAKE. */
    Object take() throws InterruptedException {
        return taken(queue.take());
    }

    /** As {@link #take()}, or null once {@code nanos} passed with nothing. */
    Object poll(long nanos) throws InterruptedException {
        return taken(nanos <= 0 ? null : queue.poll(nanos, TimeUnit.NANOSECONDS));
    }

    private void read() {
        byte[] buffer = new byte[READ_SIZE];
        try {
            InputStream in = source.getInputStream();
            while (true) {
                waitForRoom();
                int n = in.read(buffer);
                if (n < 0) {
                    queue.add(EOF);
                    return;
                }
                long at = System.nanoTime();
                if (idle() && bypass.write(buffer, n)) {
                    continue;
                }
                lock.lock();
                try {
                    bufferedChunks++;
                    bufferedBytes += n;
                    unfinished++;
                } finally {
                    lock.unlock();
                }
                queue.add(new Chunk(Arrays.copyOf(buffer, n), at));
            }
        } catch (IOException | InterruptedException e) {
            queue.add(FAILED);
        }
    }

    private boolean idle() {
        lock.lock();
        try {
            return unfinished == 0;
        } finally {
            lock.unlock();
        }
    }

    /** The writer has written (or dropped) a chunk it took. */
    void done() {
        lock.lock();
        try {
            unfinished--;
        } finally {
            lock.unlock();
        }
    }

    private void waitForRoom() throws InterruptedException {
        lock.lock();
        try {
            while (bufferedChunks >= MAX_CHUNKS || bufferedBytes >= MAX_BUFFERED) {
                room.await();
            }
        } finally {
            lock.unlock();
        }
    }

    private Object taken(Object item) {
        if (item instanceof Chunk c) {
            lock.lock();
            try {
                bufferedChunks--;
                bufferedBytes -= c.data().length;
                room.signalAll();
            } finally {
                lock.unlock();
            }
        }
        return item;
    }
}
