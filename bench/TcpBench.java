import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The load of bench/tcp.sh, on loopback. {@code echo PORT} serves an echo upstream (one platform
 * thread per connection). {@code run ROUNDS NAME=HOST:PORT ...} measures each address in turn,
 * after one untimed warm-up round per address (JIT of client and proxies): bulk throughput over one
 * connection and over four (each sends MB_PER_CONNECTION and reads the echo back at the same time),
 * and the round trip of a 64-byte message on one connection (p50, p99). The order of the addresses
 * rotates from round to round so no address always runs first. Every round is printed.
 */
public final class TcpBench {
    private static final int MESSAGE = 64;
    private static final int ROUND_TRIPS = Integer.getInteger("roundTrips", 20_000);
    private static final long BULK_BYTES = Long.getLong("bulkMiB", 256) * 1024 * 1024;

    public static void main(String[] args) throws Exception {
        if (args[0].equals("echo")) {
            echo(Integer.parseInt(args[1]));
            return;
        }
        int rounds = Integer.parseInt(args[1]);
        List<String[]> targets = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            targets.add(args[i].split("=", 2));
        }
        for (String[] t : targets) {
            measure(t, "warm-up");
        }
        System.out.println("| Round | Path | 1 conn MB/s | 4 conns MB/s | RTT p50 µs | RTT p99 µs |");
        System.out.println("|---|---|---|---|---|---|");
        for (int r = 1; r <= rounds; r++) {
            for (int k = 0; k < targets.size(); k++) {
                measure(targets.get((k + r - 1) % targets.size()), Integer.toString(r));
            }
        }
    }

    private static void measure(String[] target, String round) throws Exception {
        InetSocketAddress address = address(target[1]);
        double one = throughput(address, 1);
        double four = throughput(address, 4);
        long[] rtt = roundTrips(address);
        System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.1f | %.1f |%n", round, target[0], one, four,
                rtt[0] / 1000.0, rtt[1] / 1000.0);
        System.out.flush();
    }

    /** MB/s (10^6 bytes) of payload echoed back over {@code connections} connections at once. */
    private static double throughput(InetSocketAddress address, int connections) throws Exception {
        long each = BULK_BYTES / connections;
        java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        List<Socket> sockets = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Socket s = new Socket();
            s.connect(address);
            s.setTcpNoDelay(true);
            sockets.add(s);
        }
        long start = System.nanoTime();
        for (Socket s : sockets) {
            Thread writer = Thread.ofPlatform().uncaughtExceptionHandler((t, e) -> failed.set(e)).start(() -> {
                byte[] chunk = new byte[64 * 1024];
                try {
                    OutputStream out = s.getOutputStream();
                    for (long sent = 0; sent < each; sent += chunk.length) {
                        out.write(chunk, 0, (int) Math.min(chunk.length, each - sent));
                    }
                    s.shutdownOutput();
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            Thread reader = Thread.ofPlatform().uncaughtExceptionHandler((t, e) -> failed.set(e)).start(() -> {
                byte[] chunk = new byte[64 * 1024];
                long got = 0;
                try {
                    InputStream in = s.getInputStream();
                    for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                        got += n;
                    }
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
                if (got != each) {
                    throw new IllegalStateException("echoed " + got + " of " + each + " bytes");
                }
            });
            threads.add(writer);
            threads.add(reader);
        }
        for (Thread t : threads) {
            t.join();
        }
        long nanos = System.nanoTime() - start;
        for (Socket s : sockets) {
            s.close();
        }
        if (failed.get() != null) {
            throw new IllegalStateException(address + ": " + failed.get().getMessage(), failed.get());
        }
        return each * connections / (nanos / 1e9) / 1e6;
    }

    /** p50 and p99 in nanoseconds of a 64-byte message sent and read back, one at a time, on one connection. */
    private static long[] roundTrips(InetSocketAddress address) throws IOException {
        long[] samples = new long[ROUND_TRIPS];
        byte[] message = new byte[MESSAGE];
        byte[] back = new byte[MESSAGE];
        try (Socket s = new Socket()) {
            s.connect(address);
            s.setTcpNoDelay(true);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            for (int i = 0; i < ROUND_TRIPS; i++) {
                long t0 = System.nanoTime();
                out.write(message);
                int read = 0;
                while (read < MESSAGE) {
                    int n = in.read(back, read, MESSAGE - read);
                    if (n < 0) {
                        throw new IOException("closed after " + i + " round trips");
                    }
                    read += n;
                }
                samples[i] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(samples);
        return new long[] {samples[samples.length / 2], samples[(int) (samples.length * 0.99)]};
    }

    private static void echo(int port) throws IOException {
        try (ServerSocket server = new ServerSocket(port, 128, InetAddress.getLoopbackAddress())) {
            while (true) {
                Socket s = server.accept();
                Thread.ofPlatform().daemon().start(() -> {
                    try (s) {
                        s.setTcpNoDelay(true);
                        InputStream in = s.getInputStream();
                        OutputStream out = s.getOutputStream();
                        byte[] buffer = new byte[64 * 1024];
                        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                            out.write(buffer, 0, n);
                        }
                        s.shutdownOutput();
                    } catch (IOException gone) {
                        // the client went away
                    }
                });
            }
        }
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }
}
