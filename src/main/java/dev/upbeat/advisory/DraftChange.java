package dev.upbeat.advisory;

import java.time.Instant;
import java.util.Map;

/**
 * A draft as a caller states it, before checks. On create, absent components are prefilled from
 * the triage; on change, absent (null) fields are left as they are.
 *
 * @param postAtDisclosure true: due at the advisory's disclosure time; false: posted only by hand
 * @param postAt           due at this time (and no longer at disclosure)
 */
public record DraftChange(String kind, String title, String message, String status, String impact, Map<String, String> components,
                          Instant scheduledFor, Instant scheduledUntil, Boolean notifySubscribers, Boolean postAtDisclosure,
                          Instant postAt) {
}
