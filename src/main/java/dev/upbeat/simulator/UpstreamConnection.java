package dev.upbeat.simulator;

import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One kept-alive connection to an upstream, with a read buffer of its own, so that the answer's
 * head and a small body usually arrive in one read, and a reused buffer for the request head, so
 * that it leaves in one write. Either a blocking socket, or a channel that a selector serves
 * ({@link UpstreamLane}) until it is handed to a thread that reads it blocking ({@link #becomeBlocking}).
 */
final class UpstreamConnection implements AutoCloseable {
    private static final int BUFFER = 16 * 1024;
    /** Closes connections whose writes ran out of time; one thread, as it only ever closes a socket. */
    private static final ScheduledThreadPoolExecutor SEND_TIMER = sendTimer();

    private final Socket socket;
    private final SocketChannel channel;
    private InputStream in;
    private OutputStream out;
    final byte[] buffer = new byte[BUFFER];
    int position;
    int limit;
    private byte[] head = new byte[2 * 1024];
    private int headLength;
    private long idleSince;
    private boolean used;
    private volatile boolean expired;

    /** The TCP socket under {@link #socket} (itself for plain http): closing it never waits on a TLS lock. */
    private final Socket tcp;
    private long received;
    private long keepAliveNanos = Long.MAX_VALUE;

    UpstreamConnection(Socket socket, Socket tcp) throws IOException {
        this.socket = socket;
        this.tcp = tcp;
        this.channel = null;
        this.lane = null;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** The lane a selector's connection goes back to after a thread used it; null for the others. */
    private final UpstreamLane lane;

    /** A connection on a non-blocking channel, read by {@code lane}'s selector until {@link #becomeBlocking}. */
    UpstreamConnection(SocketChannel channel, UpstreamLane lane) {
        this.socket = channel.socket();
        this.tcp = socket;
        this.channel = channel;
        this.lane = lane;
    }

    UpstreamLane lane() {
        return lane;
    }

    /** Makes a connection a thread used non-blocking again, for its lane's selector. */
    void becomeSelectable() throws IOException {
        channel.configureBlocking(false);
        in = null;
        out = null;
    }

    SocketChannel channel() {
        return channel;
    }

    /**
     * Makes a selector's connection one that threads read and write blocking, once its selector
     * has let go of it (a cancelled key is dropped at the selector's next select, which follows
     * at once).
     */
    void becomeBlocking() throws IOException {
        if (in != null) {
            return;
        }
        long deadline = System.nanoTime() + UpstreamPool.CONNECT_TIMEOUT.toNanos();
        while (channel.isRegistered()) {
            if (System.nanoTime() > deadline || !channel.isOpen()) {
                throw new IOException("the upstream connection was not released by its selector");
            }
            LockSupport.parkNanos(20_000);
        }
        channel.configureBlocking(true);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** The request head as built, to be written without blocking. */
    ByteBuffer headBytes() {
        return ByteBuffer.wrap(head, 0, headLength);
    }

    /**
     * Reads what the channel has into the buffer without waiting (compacting it when full):
     * the bytes read, 0 when none are there or the buffer holds all it can, -1 at the end of the stream.
     */
    int readSome() throws IOException {
        if (limit == buffer.length && position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            return 0;
        }
        int n = channel.read(ByteBuffer.wrap(buffer, limit, buffer.length - limit));
        if (n > 0) {
            limit += n;
            received += n;
        }
        return n;
    }

    /** Whether the buffer holds all it can: a head that has not ended by then is read elsewhere. */
    boolean full() {
        return position == 0 && limit == buffer.length;
    }

    static int capacity() {
        return BUFFER;
    }

    /** All bytes read from the upstream on this connection so far: unchanged across a try, nothing of an answer came. */
    long received() {
        return received;
    }

    /** Keeps the connection idle for no longer than the upstream said it would (its {@code Keep-Alive: timeout}). */
    void keepAliveFor(long nanos) {
        keepAliveNanos = nanos;
    }

    long keepAliveNanos() {
        return keepAliveNanos;
    }

    private boolean retired;

    /** Marks the connection as one that must not carry another exchange. */
    void retire() {
        retired = true;
    }

    boolean retired() {
        return retired;
    }

    /** True once it has carried an exchange: a failure on it may then be a stale connection. */
    boolean reused() {
        return used;
    }

    void idle(long now) {
        used = true;
        idleSince = now;
    }

    long idleSince() {
        return idleSince;
    }

    void timeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    // The request head, built in a buffer kept from one request to the next.

    void startHead() {
        headLength = 0;
    }

    /** Appends {@code s} as bytes: Latin-1 as sent to us, anything wider as UTF-8. */
    void append(String s) {
        int n = s.length();
        room(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c > 0xFF) {
                headLength -= i;
                byte[] wide = s.getBytes(StandardCharsets.UTF_8);
                room(wide.length);
                System.arraycopy(wide, 0, head, headLength, wide.length);
                headLength += wide.length;
                return;
            }
            head[headLength++] = (byte) c;
        }
    }

    void sendHead() throws IOException {
        out.write(head, 0, headLength);
    }

    /**
     * The socket's output, for a request body: each write that has not returned within
     * {@code sendTimeout} closes the connection (the write then fails), as nginx's
     * proxy_send_timeout does, since a blocking socket write has no timeout of its own and an
     * upstream that stops reading would otherwise hold the forward for as long as it stays connected.
     */
    OutputStream output(Duration sendTimeout) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ScheduledFuture<?> alarm = SEND_TIMER.schedule(UpstreamConnection.this::expire,
                        sendTimeout.toNanos(), TimeUnit.NANOSECONDS);
                try {
                    out.write(b, off, len);
                } catch (IOException e) {
                    if (expired) {
                        throw new SocketTimeoutException("the upstream took none of the request body for " + sendTimeout.toSeconds() + " s");
                    }
                    throw new BodyRefused(e);
                } finally {
                    alarm.cancel(false);
                }
            }
        };
    }

    /** The upstream closed or reset the connection while a request body was being written to it. */
    static final class BodyRefused extends IOException {
        BodyRefused(IOException cause) {
            super("the upstream stopped taking the request body: " + cause.getMessage(), cause);
        }
    }

    private void expire() {
        expired = true;
        abort();
    }

    /**
     * Closes at once, even while another thread is blocked writing on it: over TLS a close would
     * first wait for that write to end (to send its close_notify), so the TCP socket is closed instead.
     */
    void abort() {
        try {
            tcp.close();
        } catch (IOException ignored) {
            // closing is all that was wanted
        }
    }

    private void room(int n) {
        if (headLength + n > head.length) {
            head = java.util.Arrays.copyOf(head, Math.max(head.length * 2, headLength + n));
        }
    }

    // The answer, read through the buffer.

    int buffered() {
        return limit - position;
    }

    /** Reads more into the buffer (compacting it first); false at the end of the stream. */
    boolean fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            throw new IOException("upstream line longer than " + BUFFER + " bytes");
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            return false;
        }
        limit += n;
        received += n;
        return true;
    }

    /** The next line without its CRLF (or bare LF), as Latin-1. */
    String line() throws IOException {
        int lf = lineEnd();
        String line = new String(buffer, position, contentEnd(lf) - position, StandardCharsets.ISO_8859_1);
        position = lf + 1;
        return line;
    }

    /** The index of the LF ending the next line, reading more as needed; the line starts at {@link #position}. */
    int lineEnd() throws IOException {
        int scanned = 0;
        while (true) {
            for (int i = position + scanned; i < limit; i++) {
                if (buffer[i] == '\n') {
                    return i;
                }
            }
            scanned = limit - position;   // fill() keeps the unread bytes, from a new position
            if (!fill()) {
                throw new EOFException("upstream closed the connection");
            }
        }
    }

    /** Where the line ending at the LF {@code lf} ends without its line break (a CR before the LF too). */
    int contentEnd(int lf) {
        return lf > position && buffer[lf - 1] == '\r' ? lf - 1 : lf;
    }

    /** The bytes from {@code from} to {@code to}, without the spaces and tabs around them, as Latin-1. */
    String trimmed(int from, int to) {
        while (from < to && (buffer[from] == ' ' || buffer[from] == '\t')) {
            from++;
        }
        while (to > from && (buffer[to - 1] == ' ' || buffer[to - 1] == '\t')) {
            to--;
        }
        return new String(buffer, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** Whether a whole head (up to its blank line) is buffered; nothing is read or consumed. */
    boolean headBuffered() {
        for (int i = position; i < limit; i++) {
            if (buffer[i] == '\n' && (i + 1 < limit && buffer[i + 1] == '\n'
                    || i + 2 < limit && buffer[i + 1] == '\r' && buffer[i + 2] == '\n')) {
                return true;
            }
        }
        return false;
    }

    /** Whether the buffered head is an interim (1xx) one, after which the final head is still to come. */
    boolean interimHead() {
        return limit - position > 9 && buffer[position + 8] == ' ' && buffer[position + 9] == '1';
    }

    /** Makes at least one byte buffered; false at the end of the stream. */
    boolean ensure() throws IOException {
        return buffered() > 0 || fill();
    }

    private static ScheduledThreadPoolExecutor sendTimer() {
        var timer = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().daemon().name("upstream-send-timeout").factory());
        timer.setRemoveOnCancelPolicy(true);   // a timer per write, nearly all cancelled: do not keep them queued
        return timer;
    }

    @Override
    public void close() {
        try {
            if (channel != null) {
                channel.close();
            }
            socket.close();
        } catch (IOException ignored) {
            // closing is all that was wanted
        }
    }
}
