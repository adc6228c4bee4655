package dev.upbeat.advisory;

import dev.upbeat.component.ComponentRepository;
import dev.upbeat.incident.Incident;
import dev.upbeat.incident.IncidentDraft;
import dev.upbeat.incident.IncidentService;
import dev.upbeat.incident.MaintenanceDraft;
import dev.upbeat.incident.MaintenanceService;
import dev.upbeat.problem.Check;
import dev.upbeat.problem.Problem;
import dev.upbeat.storage.Database;
import dev.upbeat.storage.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an advisory prepares to tell customers: drafts of an incident or a maintenance, posted
 * with one action or when due (at a set time, or at the advisory's disclosure), and the public
 * notice. A draft becomes an incident through the incident services, so its lifecycle, component
 * holds and subscriber notifications (the outbox, in the same transaction) are a hand-made
 * incident's. Posting is claimed like a scheduled simulation (simulator.ScheduleService): the
 * claim and the post commit together, so with several instances each draft posts once and none
 * can claim it and die before it is posted.
 */
public final class DraftService {
    /** Who posted a draft that fell due, in {@code posted_by} and the audit of the incident it became. */
    public static final String SCHEDULE = "schedule";
    static final int MAX_NOTICE = 5000;
    private static final Logger log = LoggerFactory.getLogger(DraftService.class);

    private final Database db;
    private final AdvisoryRepository advisories;
    private final DraftRepository drafts;
    private final DraftChecks checks;
    private final IncidentService incidents;
    private final MaintenanceService maintenances;
    private final Clock clock;
    private final Runnable onChange;

    /** {@code onChange} runs after a commit the public sees (a post, a notice): the snapshot, and the delivery workers. */
    public DraftService(Database db, AdvisoryRepository advisories, DraftRepository drafts, Triage triage,
                        ComponentRepository components, IncidentService incidents, MaintenanceService maintenances, Clock clock,
                        Runnable onChange) {
        this.db = db;
        this.advisories = advisories;
        this.drafts = drafts;
        this.checks = new DraftChecks(triage, components, clock);
        this.incidents = incidents;
        this.maintenances = maintenances;
        this.clock = clock;
        this.onChange = onChange;
    }

    public List<Draft> list(long advisoryId) {
        return db.read(tx -> {
            require(tx, advisoryId);
            return drafts.forAdvisory(tx, advisoryId);
        });
    }

    public Draft get(long advisoryId, long id) {
        return db.read(tx -> find(tx, advisoryId, id));
    }

    /** A new draft; without components it names the components the triage finds exposed or possibly exposed. */
    public Draft create(long advisoryId, DraftChange change) {
        return db.inTransaction(tx -> {
            Advisory a = advisories.lock(tx, advisoryId).orElseThrow(() -> Problem.notFound("advisory", advisoryId));
            Draft d = checks.created(tx, a, change);
            return find(tx, advisoryId, drafts.insert(tx, d));
        });
    }

    /** Changes an unposted draft: absent (null) fields are left as they are. */
    public Draft update(long advisoryId, long id, DraftChange change) {
        return db.inTransaction(tx -> {
            Advisory a = advisories.lock(tx, advisoryId).orElseThrow(() -> Problem.notFound("advisory", advisoryId));
            Draft old = unposted(find(tx, advisoryId, id));
            drafts.update(tx, checks.changed(tx, a, old, change));
            return find(tx, advisoryId, id);
        });
    }

    public void delete(long advisoryId, long id) {
        db.useTransaction(tx -> {
            unposted(find(tx, advisoryId, id));
            drafts.delete(tx, advisoryId, id);
        });
    }

    /** Posts a draft now; refused (409) once posted, by anyone or by the schedule. */
    public Draft post(long advisoryId, long id, String actor) {
        Draft posted = db.inTransaction(tx -> {
            unposted(find(tx, advisoryId, id));
            return postClaimed(tx, advisoryId, id, actor).orElseThrow(() -> alreadyPosted(find(tx, advisoryId, id)));
        });
        onChange.run();
        return posted;
    }

    /**
     * Posts the drafts that are due; answers how many this call posted. Safe to run on every
     * instance at once. A post the incident services refuse (a component deleted since, a window
     * now past) is kept as the draft's {@code post_error}, shown on the board, not retried.
     */
    public int postDue() {
        Instant now = clock.instant();
        int posted = 0;
        for (Draft d : db.read(tx -> drafts.due(tx, now))) {
            try {
                posted += db.inTransaction(tx -> stillDue(tx, d, now) && postClaimed(tx, d.advisoryId(), d.id(), SCHEDULE).isPresent())
                        ? 1 : 0;
            } catch (Problem refused) {
                db.useTransaction(tx -> drafts.recordFailure(tx, d.id(), refused.getMessage()));
                log.warn("Draft {} of advisory {} was due but could not be posted: {}", d.id(), d.advisoryId(), refused.getMessage());
            }
        }
        if (posted > 0) {
            onChange.run();
        }
        return posted;
    }

    /** Re-reads the draft in the posting transaction: it may have been edited, unscheduled or posted since the list was read. */
    private boolean stillDue(Tx tx, Draft read, Instant now) {
        Instant disclosure = advisories.find(tx, read.advisoryId()).map(Advisory::disclosureAt).orElse(null);
        Instant due = drafts.find(tx, read.advisoryId(), read.id()).map(d -> d.dueAt(disclosure)).orElse(null);
        return due != null && !due.isAfter(now);
    }

    /** Claims and posts in the caller's transaction; empty when another claimed it first. */
    private Optional<Draft> postClaimed(Tx tx, long advisoryId, long id, String actor) {
        Instant now = clock.instant();
        if (!drafts.claim(tx, id, now, actor)) {
            return Optional.empty();
        }
        Draft d = find(tx, advisoryId, id);
        tx.announce();
        Incident made = d.kind() == DraftKind.INCIDENT
                ? incidents.open(tx, new IncidentDraft(d.title(), d.status(), d.impact(), d.message(), d.components(), null, null,
                        d.notifySubscribers()))
                : maintenances.schedule(tx, MaintenanceDraft.builder().title(d.title()).message(d.message())
                        .components(new ArrayList<>(d.components().keySet())).scheduledFor(d.scheduledFor().toString())
                        .scheduledUntil(d.scheduledUntil().toString()).notifySubscribers(d.notifySubscribers()).build());
        drafts.recordPosted(tx, id, made.id());
        return Optional.of(find(tx, advisoryId, id));
    }

    /** The advisory's public notice; an advisory without one answers an empty, unpublished notice. */
    public Notice notice(long advisoryId) {
        return db.read(tx -> drafts.notice(tx, advisoryId).orElseThrow(() -> Problem.notFound("advisory", advisoryId)));
    }

    /**
     * Sets the notice's text and whether the page shows it. {@code published_at} is when the text the
     * page shows was published: it moves when a published notice is published or reworded.
     */
    public Notice saveNotice(long advisoryId, String text, Boolean published) {
        String checked = Check.text("text", text, MAX_NOTICE);
        boolean show = published != null && published;
        return changeNotice(advisoryId, old -> new Notice(advisoryId, checked, show,
                !show ? null : old.published() && checked.equals(old.text()) ? old.publishedAt() : clock.instant()));
    }

    /** Takes the notice down and forgets its text. */
    public Notice removeNotice(long advisoryId) {
        return changeNotice(advisoryId, old -> new Notice(advisoryId, null, false, null));
    }

    private Notice changeNotice(long advisoryId, UnaryOperator<Notice> change) {
        Notice saved = db.inTransaction(tx -> {
            advisories.lock(tx, advisoryId).orElseThrow(() -> Problem.notFound("advisory", advisoryId));
            Notice old = drafts.notice(tx, advisoryId).orElseThrow();
            Notice next = change.apply(old);
            drafts.saveNotice(tx, next);
            if (old.published() || next.published()) {
                tx.announce();
            }
            return next;
        });
        onChange.run();
        return saved;
    }

    /** The notices the public page shows. */
    public List<Notice> published(Tx tx) {
        return drafts.published(tx);
    }

    private void require(Tx tx, long advisoryId) {
        advisories.find(tx, advisoryId).orElseThrow(() -> Problem.notFound("advisory", advisoryId));
    }

    private Draft find(Tx tx, long advisoryId, long id) {
        require(tx, advisoryId);
        return drafts.find(tx, advisoryId, id).orElseThrow(() -> Problem.notFound("draft", id));
    }

    private static Draft unposted(Draft d) {
        if (d.posted()) {
            throw alreadyPosted(d);
        }
        return d;
    }

    private static Problem alreadyPosted(Draft d) {
        String as = d.incidentId() == null ? "" : " as " + d.kind().wire() + " " + d.incidentId();
        return Problem.conflict("Draft " + d.id() + " was posted at " + d.postedAt() + " by " + d.postedBy() + as
                + "; a posted draft cannot change or post again");
    }
}
