package dev.upbeat.probe;

import java.time.Clock;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a check of either kind. The TLS context is the JVM's default in production; tests pass one
 * that trusts their own certificate.
 */
public final class Checker {
    private static final Logger log = LoggerFactory.getLogger(Checker.class);
    private final HttpCheck http;
    private final TcpCheck tcp;
    private final Clock clock;

    public Checker(SSLContext ssl, Clock clock) {
        this.http = new HttpCheck(ssl, clock);
        this.tcp = new TcpCheck(clock);
        this.clock = clock;
    }

    public static Checker withDefaultTrust(Clock clock) {
        try {
            return new Checker(SSLContext.getDefault(), clock);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no default TLS context", e);
        }
    }

    public CheckResult run(CheckSpec spec) {
        try {
            return switch (spec.kind()) {
                case HTTP -> http.run(spec);
                case TCP -> tcp.run(spec);
            };
        } catch (RuntimeException e) {
            // A check must always yield a result; an unexpected failure is the check failing, not the runner.
            // The exception's text may quote a header value, so neither the result nor the log repeats it.
            log.warn("A check of {} failed unexpectedly ({})", spec.url().getHost(), e.getClass().getName());
            return CheckResult.failed(clock.instant(), java.time.Duration.ZERO, "check failed");
        }
    }
}
