package dev.upbeat.admin;

import dev.upbeat.advisory.Draft;
import dev.upbeat.advisory.DraftKind;
import dev.upbeat.advisory.Notice;
import dev.upbeat.advisory.ResponseBoard;
import dev.upbeat.component.ComponentStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** The board's drafts and notice, in the words the page shows. */
final class DraftRows {
    private DraftRows() {
    }

    static List<AdvisoryView.DraftRow> of(List<Draft> drafts, ResponseBoard b, ZoneId zone) {
        Instant disclosure = b.advisory().disclosureAt();
        return drafts.stream().map(d -> new AdvisoryView.DraftRow(d.id(), d.kind().wire(), d.title(), d.message(), d.status(),
                d.impact(), d.components().entrySet().stream().map(c -> new AdvisoryView.DraftComponent(c.getKey(),
                        b.name(c.getKey()), c.getValue(), choices(d.kind()))).toList(), d.postAtDisclosure(),
                schedule(d, disclosure, zone), posted(d, zone), link(d), d.postError(), Words.openingStatuses(), Words.impacts()))
                .toList();
    }

    static AdvisoryView.NoticeBox notice(Notice n, ZoneId zone) {
        return new AdvisoryView.NoticeBox(n.text(), n.published(), Words.time(n.publishedAt(), zone));
    }

    private static String schedule(Draft d, Instant disclosure, ZoneId zone) {
        if (d.posted()) {
            return "";
        }
        if (d.postAtDisclosure()) {
            return disclosure == null ? "Posts at disclosure (no disclosure time set)"
                    : "Posts at disclosure, " + Words.time(disclosure, zone);
        }
        return d.postAt() != null ? "Posts at " + Words.time(d.postAt(), zone) : "Posted by hand only";
    }

    private static String posted(Draft d, ZoneId zone) {
        if (!d.posted()) {
            return null;
        }
        String as = d.incidentId() == null ? "" : " as " + d.kind().wire() + " " + d.incidentId();
        return "Posted " + Words.time(d.postedAt(), zone) + " by " + d.postedBy() + as;
    }

    private static String link(Draft d) {
        if (d.incidentId() == null) {
            return null;
        }
        return d.kind() == DraftKind.INCIDENT ? "/admin/incidents/" + d.incidentId() : "/admin/maintenance";
    }

    /** A maintenance puts its components under maintenance; an incident's may take any status, or leave the draft. */
    private static List<IncidentViews.Option> choices(DraftKind kind) {
        List<IncidentViews.Option> statuses = kind == DraftKind.MAINTENANCE
                ? List.of(new IncidentViews.Option(ComponentStatus.UNDER_MAINTENANCE.wire(), Words.of(ComponentStatus.UNDER_MAINTENANCE.wire())))
                : Words.componentStatuses();
        return java.util.stream.Stream.concat(statuses.stream(), java.util.stream.Stream.of(new IncidentViews.Option("", "Not in this post")))
                .toList();
    }
}
