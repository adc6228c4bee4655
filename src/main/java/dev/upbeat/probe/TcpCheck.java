package dev.upbeat.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** A TCP connect within the timeout (and, if set, within max_latency); nothing is sent. */
final class TcpCheck {
    private final Clock clock;

    TcpCheck(Clock clock) {
        this.clock = clock;
    }

    CheckResult run(CheckSpec spec) {
        Instant start = clock.instant();
        long t0 = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(spec.url().getHost(), spec.url().getPort()), (int) spec.timeout().toMillis());
        } catch (SocketTimeoutException e) {
            return CheckResult.failed(start, since(t0), Failure.connectTimedOut(spec.timeout()));
        } catch (IOException e) {
            return CheckResult.failed(start, since(t0), Failure.of(e, spec.timeout()));
        }
        Duration latency = since(t0);
        if (spec.maxLatency() != null && latency.compareTo(spec.maxLatency()) > 0) {
            return CheckResult.failed(start, latency, "connected in " + latency.toMillis() + " ms, over max_latency "
                    + spec.maxLatency().toMillis() + " ms");
        }
        return CheckResult.ok(start, latency);
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }
}
