package dev.upbeat.advisory;

import java.time.Instant;
import java.util.List;

/**
 * A security advisory: entered by hand or imported from an OSV record ({@code osvId}). Each change
 * raises {@code revision}, which later work (action items, drafts) can refer to.
 */
public record Advisory(long id, String title, Severity severity, Instant disclosureAt, String summary, String osvId,
                       List<String> aliases, List<Affected> affected, int revision, Instant createdAt, Instant updatedAt) {

    Advisory withId(long newId) {
        return new Advisory(newId, title, severity, disclosureAt, summary, osvId, aliases, affected, revision, createdAt, updatedAt);
    }
}
