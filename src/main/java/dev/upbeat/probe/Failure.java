package dev.upbeat.probe;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * The words for a failed check. A result's error can reach the public page (the auto-incident
 * message's {@code {error}}), so it is one of a few fixed phrases with numbers, never an
 * exception's text, which can quote a header, an internal address or a certificate's subject.
 */
final class Failure {
    private Failure() {
    }

    static String timedOut(Duration timeout) {
        return "timed out after " + human(timeout);
    }

    static String connectTimedOut(Duration timeout) {
        return "connect timed out after " + human(timeout);
    }

    /** What went wrong with the connection, from the exception's type and causes. */
    static String of(IOException e, Duration timeout) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "host not found";
            }
            if (t instanceof SSLException) {
                return "TLS handshake failed";
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
                return timedOut(timeout);
            }
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof EOFException) {
            return "connection closed before a complete answer";
        }
        return "connection failed";
    }

    /** "5 s" for whole seconds, else "1500 ms". */
    static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
