package dev.upbeat.status;

/**
 * Marks a part of a fixed body that a rebuild after a change mostly finds unchanged (one incident
 * or window of a long list): its JSON is made once for each object the kept parts hand out, and
 * copied by the rebuilds after that are handed the same object ({@link ReusedParts}). Only
 * immutable types: the object is its value.
 */
public interface ReusedJson {
}
