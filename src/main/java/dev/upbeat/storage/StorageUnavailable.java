package dev.upbeat.storage;

/**
 * The database cannot be reached. Writes are refused with 503 and Retry-After while public reads
 * keep being served from the last snapshot.
 */
public final class StorageUnavailable extends RuntimeException {
    public StorageUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
