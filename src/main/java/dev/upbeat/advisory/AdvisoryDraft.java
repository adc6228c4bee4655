package dev.upbeat.advisory;

import java.time.Instant;
import java.util.List;

/** An advisory as a caller states it, before checks; {@code affected} entries name a purl and an optional vers. */
public record AdvisoryDraft(String title, String severity, Instant disclosureAt, String summary, List<AffectedDraft> affected) {

    public record AffectedDraft(String purl, String vers) {
    }
}
