package dev.upbeat.simulator.tcp;

import dev.upbeat.simulator.tcp.ChunkReader.Chunk;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.LoggerFactory;

/**
 * One direction of one connection: a {@link ChunkReader} on the source, and a writer that passes
 * each chunk through the direction's active toxics to the other socket. The writer re-reads the
 * chain whenever it changes, so toxics reach connections already open.
 */
final class Link {
    /** A toxic as it runs on this link: whether its toxicity roll hit, and its running state. */
    private static final class Active {
        final Toxic toxic;
        long bandwidthDebtNanos;

        Active(Toxic toxic) {
            this.toxic = toxic;
        }

        long ms(String attribute) {
            return toxic.attribute(attribute);
        }
    }

    /** Thrown inside the writer once a toxic has closed the connection. */
    private static final class Ended extends Exception {
        Ended() {
            super(null, null, false, false);
        }
    }

    private final Direction direction;
    private final Socket dest;
    private final ToxicChain toxics;
    private final TcpConnection connection;
    private final Random random;
    private final TcpMetrics metrics;
    private final ChunkReader reader;
    private final Map<Long, long[]> limitSent = new HashMap<>();
    private final Runnable onChange = this::changed;
    /** Guards the chain version; a lock rather than a monitor, which pins a virtual thread on Java 21. */
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private volatile long changes;
    private long idleSince = System.nanoTime();

    Link(Direction direction, Socket source, Socket dest, ToxicChain toxics, TcpConnection connection, Random random,
            TcpMetrics metrics) {
        this.direction = direction;
        this.reader = new ChunkReader(source, this::bypass);
        this.dest = dest;
        this.toxics = toxics;
        this.connection = connection;
        this.random = random;
        this.metrics = metrics;
    }

    void start() {
        toxics.watch(onChange);
        reader.start("tcp-" + direction.wire() + "-read");
        Thread.ofVirtual().name("tcp-" + direction.wire() + "-write").start(this::write);
    }

    private void changed() {
        lock.lock();
        try {
            changes++;
            signal.signalAll();
        } finally {
            lock.unlock();
        }
        reader.wake();
    }

    private void write() {
        try {
            pump(dest.getOutputStream());
        } catch (IOException | InterruptedException | Ended e) {
            connection.close();
        } catch (RuntimeException e) {
            // Attributes no chunk can satisfy must not leave a connection open with no writer.
            LoggerFactory.getLogger(Link.class).warn("A TCP proxy connection closed on a toxic it could not apply", e);
            connection.close();
        } finally {
            toxics.unwatch(onChange);
        }
    }

    private void pump(OutputStream out) throws IOException, InterruptedException, Ended {
        long seen = -1;
        List<Active> active = List.of();
        while (true) {
            long version = changes;
            if (version != seen) {
                List<Active> next = roll(toxics.chain(direction));
                if (timeoutRemoved(active, next)) {
                    throw new Ended(); // Toxiproxy's timeout toxic closes the link when it is removed
                }
                active = next;
                seen = version;
                idleSince = System.nanoTime();
            }
            Active timeout = active.stream().filter(a -> a.toxic.type() == ToxicType.TIMEOUT).findFirst().orElse(null);
            Object item;
            if (timeout != null && timeout.ms("timeout") > 0) {
                long left = idleSince + TimeUnit.MILLISECONDS.toNanos(timeout.ms("timeout")) - System.nanoTime();
                item = reader.poll(left);
                if (item == null) {
                    throw new Ended();
                }
            } else {
                item = reader.take();
            }
            if (item == ChunkReader.FAILED) {
                throw new Ended();
            } else if (item == ChunkReader.EOF) {
                closeSlowly(active);
                return;
            } else if (item instanceof Chunk c) {
                try {
                    pass(c, 0, active, out);
                } finally {
                    reader.done();
                }
            }
        }
    }

    /** A chunk written by the reader itself while the direction has no toxic (see {@link ChunkReader}). */
    private boolean bypass(byte[] buffer, int length) throws IOException {
        if (!toxics.isEmpty(direction)) {
            return false;
        }
        dest.getOutputStream().write(buffer, 0, length);
        metrics.relayed(direction, length);
        return true;
    }

    /** The source said EOF: hold it back by every slow_close, then half-close the other side. */
    private void closeSlowly(List<Active> active) throws IOException, InterruptedException {
        for (Active a : active) {
            if (a.toxic.type() == ToxicType.SLOW_CLOSE) {
                Thread.sleep(Math.max(0, a.ms("delay")));
            }
        }
        dest.shutdownOutput();
        connection.halfClosed();
    }

    /** Toxicity is rolled once per toxic each time the chain changes, not per chunk (Toxiproxy's rule). */
    private List<Active> roll(List<Toxic> chain) {
        List<Active> active = new ArrayList<>();
        for (Toxic t : chain) {
            if (random.nextFloat() < t.toxicity()) {
                active.add(new Active(t));
                metrics.applied(t.type());
                toxics.applied(t);
            }
        }
        return active;
    }

    private static boolean timeoutRemoved(List<Active> before, List<Active> after) {
        return before.stream().filter(a -> a.toxic.type() == ToxicType.TIMEOUT)
                .anyMatch(a -> after.stream().noneMatch(b -> b.toxic.serial() == a.toxic.serial()));
    }

    private void pass(Chunk c, int index, List<Active> active, OutputStream out) throws IOException, InterruptedException, Ended {
        if (index == active.size()) {
            out.write(c.data());
            metrics.relayed(direction, c.data().length);
            return;
        }
        Active a = active.get(index);
        switch (a.toxic.type()) {
            case LATENCY -> {
                long jitter = Math.min(a.ms("jitter"), Integer.MAX_VALUE);
                long delay = a.ms("latency") + (jitter > 0 ? random.nextLong(jitter * 2) - jitter : 0);
                long due = c.at() + TimeUnit.MILLISECONDS.toNanos(delay);
                sleepUntil(due);
                pass(new Chunk(c.data(), Math.max(due, c.at())), index + 1, active, out);
            }
            case BANDWIDTH -> throttle(a, c, index, active, out);
            case SLOW_CLOSE -> pass(c, index + 1, active, out);
            case TIMEOUT -> idleSince = System.nanoTime(); // data is dropped; each chunk restarts the clock
            case RESET_PEER -> {
                Thread.sleep(Math.max(0, a.ms("timeout")));
                connection.reset();
                throw new Ended();
            }
            case SLICER -> slice(a, c, index, active, out);
            case LIMIT_DATA -> limit(a, c, index, active, out);
        }
    }

    private void throttle(Active a, Chunk c, int index, List<Active> active, OutputStream out)
            throws IOException, InterruptedException, Ended {
        long rate = a.ms("rate");
        if (rate <= 0) {
            pass(c, index + 1, active, out);
            return;
        }
        a.bandwidthDebtNanos += c.data().length * 1_000_000L / rate;
        int offset = 0;
        int slice = (int) Math.min(Integer.MAX_VALUE, rate * 100);
        while (c.data().length - offset > slice) {
            Thread.sleep(100);
            pass(new Chunk(Arrays.copyOfRange(c.data(), offset, offset + slice), c.at()), index + 1, active, out);
            offset += slice;
            a.bandwidthDebtNanos -= TimeUnit.MILLISECONDS.toNanos(100);
        }
        long start = System.nanoTime();
        if (a.bandwidthDebtNanos > 0) {
            TimeUnit.NANOSECONDS.sleep(a.bandwidthDebtNanos);
        }
        a.bandwidthDebtNanos -= System.nanoTime() - start; // carries the sleep's overshoot to the next chunk
        pass(new Chunk(Arrays.copyOfRange(c.data(), offset, c.data().length), c.at()), index + 1, active, out);
    }

    private void slice(Active a, Chunk c, int index, List<Active> active, OutputStream out)
            throws IOException, InterruptedException, Ended {
        List<Integer> bounds = new ArrayList<>();
        cut(0, c.data().length, (int) Math.clamp(a.ms("average_size"), 0, ChunkReader.READ_SIZE),
                (int) Math.clamp(a.ms("size_variation"), 0, ChunkReader.READ_SIZE), bounds);
        for (int i = 1; i < bounds.size(); i += 2) {
            pass(new Chunk(Arrays.copyOfRange(c.data(), bounds.get(i - 1), bounds.get(i)), c.at()), index + 1, active, out);
            TimeUnit.MICROSECONDS.sleep(a.ms("delay"));
        }
    }

    /** Toxiproxy's slicer: halve (give or take the variation) until a piece is near the average size. */
    private void cut(int start, int end, int average, int variation, List<Integer> bounds) {
        if ((end - start) - average <= variation || end - start <= 1) { // a byte cannot be halved (Toxiproxy recurses forever)
            bounds.add(start);
            bounds.add(end);
            return;
        }
        int mid = start + (end - start) / 2;
        if (variation > 0) {
            // Kept inside the piece: Toxiproxy's halving can step outside it when the variation is large.
            mid = Math.clamp(mid + random.nextInt(variation * 2) - variation, start + 1, end - 1);
        }
        cut(start, mid, average, variation, bounds);
        cut(mid, end, average, variation, bounds);
    }

    private void limit(Active a, Chunk c, int index, List<Active> active, OutputStream out)
            throws IOException, InterruptedException, Ended {
        long[] sent = limitSent.computeIfAbsent(a.toxic.serial(), s -> new long[1]);
        long remaining = Math.max(0, a.ms("bytes") - sent[0]);
        byte[] data = remaining < c.data().length ? Arrays.copyOf(c.data(), (int) remaining) : c.data();
        if (data.length > 0) {
            pass(new Chunk(data, c.at()), index + 1, active, out);
            sent[0] += data.length;
        }
        if (a.ms("bytes") - sent[0] <= 0) {
            out.flush();
            throw new Ended();
        }
    }

    /** Sleeps until the deadline, or until the chain changes (then the chunk goes on at once, as in Toxiproxy). */
    private void sleepUntil(long deadline) throws InterruptedException {
        lock.lock();
        try {
            long version = changes;
            while (changes == version) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                signal.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }
}
