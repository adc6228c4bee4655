package dev.upbeat.advisory;

import java.time.Instant;
import java.util.Map;

/**
 * An incident or a maintenance prepared with an advisory, to post by hand or when it falls due.
 * Statuses and impact are kept in their wire words and checked again by the incident services
 * when posted, since components can change in between.
 *
 * @param components       component id to the status the post sets, in order
 * @param postAtDisclosure due at the advisory's disclosure time, following it when it moves
 * @param postAt           due at this time instead; null with {@code postAtDisclosure} false: posted only by hand
 * @param postError        why a post when due was refused; the draft is not due again until edited
 * @param incidentId       what it became once posted (an incident or a maintenance)
 */
public record Draft(long id, long advisoryId, DraftKind kind, String title, String message, String status, String impact,
                    Map<String, String> components, Instant scheduledFor, Instant scheduledUntil, boolean notifySubscribers,
                    boolean postAtDisclosure, Instant postAt, String postError, Instant postedAt, String postedBy,
                    Long incidentId, Instant createdAt, Instant updatedAt) {

    public boolean posted() {
        return postedAt != null;
    }

    /** When it posts on its own, given the advisory's disclosure time; null when only by hand. */
    public Instant dueAt(Instant disclosureAt) {
        if (posted() || postError != null) {
            return null;
        }
        return postAtDisclosure ? disclosureAt : postAt;
    }
}
