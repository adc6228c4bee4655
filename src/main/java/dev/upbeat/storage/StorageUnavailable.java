package dev.upbeat.storage;

import org.slf4j.Logger;

/**
 * The database cannot take the request: it cannot be reached, or its storage is full, read-only
 * or failing. Writes are refused with 503 and Retry-After while public reads keep being served
 * from the last snapshot. The message is for the operator's log (it names the file or server and
 * what to do); {@link #publicMessage()} is what a client is told.
 */
public sealed class StorageUnavailable extends RuntimeException permits DatabaseDown, ConnectionLost {
    static final String UNREACHABLE = "The database cannot be reached; nothing was changed. Try again shortly.";

    private final String publicMessage;

    public StorageUnavailable(String message, Throwable cause) {
        this(message, UNREACHABLE, cause);
    }

    StorageUnavailable(String message, String publicMessage, Throwable cause) {
        super(message, cause);
        this.publicMessage = publicMessage;
    }

    public String publicMessage() {
        return publicMessage;
    }

    /** Seconds a client is told to wait before trying again: long enough for someone to act. */
    public int retryAfterSeconds() {
        return 30;
    }

    /**
     * Logs a failed attempt of background work that will be retried: one line for a storage
     * fault (it comes back at every attempt until someone acts, and its message says what to do),
     * nothing while the database is down (the breaker said so once), a warning for a lost
     * connection (the next attempt takes a fresh one), the stack trace for anything else.
     */
    public static void logRetry(Logger log, String what, Throwable e) {
        if (e instanceof DatabaseDown) {
            return;
        }
        if (e instanceof ConnectionLost lost) {
            log.warn("{}: {}", what, lost.getMessage());
            return;
        }
        if (e instanceof StorageUnavailable fault) {
            log.error("{}: {}", what, fault.getMessage());
        } else {
            log.error(what, e);
        }
    }
}
