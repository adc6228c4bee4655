package dev.upbeat.simulator;

import dev.upbeat.problem.Problem;
import dev.upbeat.storage.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this instance's listeners in line with the stored targets, so a target created, changed or
 * deleted through any instance is served by every instance within a tick. Each instance records its
 * own listener per target (listening, or failed and why) so the API and admin page can show a port
 * one instance could not bind. Creating, deleting and syncing share one lock: otherwise a tick could
 * close a listener that {@link #create} has opened but not yet stored.
 */
final class TargetSync {
    private static final Logger log = LoggerFactory.getLogger(TargetSync.class);
    /**
     * A failed bind is tried again this often while another instance listens on the target: the port
     * may be freed, but rarely soon. Once none does (its holder stopped), it is tried at every tick, so
     * the target is served again within a second or two.
     */
    private static final Duration RETRY = Duration.ofSeconds(10);

    private record Failure(Target target, Instant at) {
    }

    private final Database db;
    private final SimulatorRepository repo;
    private final Listeners listeners;
    private final Clock clock;
    private final String instance;
    /** How recent a listener report must be to count: an instance silent for longer is gone. */
    private final Duration fresh;
    /** The stored definition each open listener serves (not the bound one: a stored port 0 stays 0). */
    private final Map<String, Target> serving = new HashMap<>();
    private final Map<String, Failure> failed = new HashMap<>();

    TargetSync(Database db, SimulatorRepository repo, Listeners listeners, Clock clock, String instance, Duration fresh) {
        this.db = db;
        this.repo = repo;
        this.listeners = listeners;
        this.clock = clock;
        this.instance = instance;
        this.fresh = fresh;
    }

    /** Binds here first, so a port this instance cannot have is refused to the caller, then stores the target. */
    synchronized Target create(Target target) {
        if (db.read(tx -> repo.target(tx, target.name())).isPresent()) {
            throw Problem.conflict("A target named '" + target.name() + "' already exists");
        }
        Target bound = listeners.open(target);
        try {
            db.useTransaction(tx -> {
                repo.insertTarget(tx, bound);
                repo.recordListener(tx, bound.name(), instance, "listening", null, clock.instant());
            });
        } catch (RuntimeException e) {
            listeners.close(target.name());
            throw e;
        }
        serving.put(bound.name(), bound);
        return bound;
    }

    /** Re-opens a target here on its new address or upstream, then stores it; refused as {@link #create} is. */
    synchronized Target change(Target target) {
        listeners.close(target.name());
        serving.remove(target.name());
        Target bound = listeners.open(target);
        db.useTransaction(tx -> {
            repo.updateTarget(tx, bound);
            repo.recordListener(tx, bound.name(), instance, "listening", null, clock.instant());
        });
        serving.put(bound.name(), bound);
        failed.remove(bound.name());
        return bound;
    }

    synchronized void delete(String name) {
        db.useTransaction(tx -> repo.deleteTarget(tx, name));
        listeners.close(name);
        serving.remove(name);
        failed.remove(name);
    }

    /** Opens, re-opens and closes listeners to match the stored targets; marks this instance's reports as current. */
    synchronized void run() {
        Instant now = clock.instant();
        Map<String, Target> stored = new HashMap<>();
        db.read(repo::targets).forEach(t -> stored.put(t.name(), t));
        for (String name : new HashSet<>(serving.keySet())) {
            Target want = stored.get(name);
            if (want == null || !want.sameDefinition(serving.get(name))) {
                listeners.close(name);
                serving.remove(name);
                log.info("Simulator target {} {} through another instance: listener closed here", name,
                        want == null ? "was deleted" : "changed");
            }
        }
        failed.keySet().removeIf(name -> !stored.containsKey(name));
        Set<String> heldElsewhere = failed.isEmpty() ? Set.of() : db.read(tx -> repo.listenedTargets(tx, now.minus(fresh)));
        for (Target t : stored.values()) {
            if (!serving.containsKey(t.name())) {
                open(t, now, heldElsewhere.contains(t.name()));
            }
        }
        db.useTransaction(tx -> repo.touchListeners(tx, instance, now));
    }

    private void open(Target t, Instant now, boolean heldElsewhere) {
        Failure before = failed.get(t.name());
        boolean sameFailure = before != null && before.target().sameDefinition(t);
        if (sameFailure && heldElsewhere && before.at().plus(RETRY).isAfter(now)) {
            return;
        }
        try {
            listeners.open(t);
            serving.put(t.name(), t);
            failed.remove(t.name());
            db.useTransaction(tx -> repo.recordListener(tx, t.name(), instance, "listening", null, now));
            log.info("Simulator target {} listens here on {}", t.name(), t.listen());
        } catch (Problem e) {
            failed.put(t.name(), new Failure(t, now));
            String error = e.kind() == Problem.Kind.CONFLICT && e.getMessage().contains("in use")
                    ? "address in use: " + t.listen() : e.getMessage();
            db.useTransaction(tx -> repo.recordListener(tx, t.name(), instance, "failed", error, now));
            if (!sameFailure) {
                log.warn("Simulator target {} cannot listen on this instance ({}): {}", t.name(), instance, error);
            }
        }
    }

    /** A clean stop withdraws this instance's listener reports at once rather than letting them age out. */
    synchronized void forget() {
        try {
            db.useTransaction(tx -> repo.forgetListeners(tx, instance));
        } catch (RuntimeException e) {
            // Only at shutdown, and harmless: one line, no trace (the database may be why we stop).
            log.warn("Could not withdraw this instance's listener reports ({}); they age out after the lease", e.getMessage());
        }
    }
}
