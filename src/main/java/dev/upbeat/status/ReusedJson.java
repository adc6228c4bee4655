package dev.upbeat.status;

/**
 * Marks a part of a fixed body that a rebuild after a change mostly finds unchanged (one incident
 * or window of a long list): its JSON is made once per distinct value and copied by the rebuilds
 * after ({@link ReusedParts}). Only records, or other types equal exactly when their JSON is.
 */
public interface ReusedJson {
}
