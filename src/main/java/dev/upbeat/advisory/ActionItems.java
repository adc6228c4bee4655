package dev.upbeat.advisory;

import dev.upbeat.component.Component;
import dev.upbeat.component.Ownership;
import dev.upbeat.storage.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Keeps action items in step with the triage (the one place they are created and closed by it) and
 * tells owners: when an item is assigned, and again 24 h and 1 h before it is due while it is
 * unfinished. Each message has a key, so however often triage or the reminder tick runs, and on
 * however many instances, each is queued once.
 */
public final class ActionItems {
    /** The reason an item closed by triage carries; only such an item reopens when its component is exposed again. */
    static final String NO_LONGER_EXPOSED = "no longer exposed";
    static final Duration FIRST_REMINDER = Duration.ofHours(24);
    static final Duration LAST_REMINDER = Duration.ofHours(1);

    private final ActionRepository actions;
    private final OwnerNotices notices;
    private final Clock clock;

    public ActionItems(ActionRepository actions, OwnerNotices notices, Clock clock) {
        this.actions = actions;
        this.notices = notices;
        this.clock = clock;
    }

    /**
     * After triage: an item for each exposed or possibly exposed component that has none (or one
     * triage closed), due at the disclosure unless set by hand; an unfinished item whose component
     * is now not exposed is done, by {@code actor}, now.
     */
    void sync(Tx tx, Advisory advisory, List<AdvisoryRepository.ExposureRow> rows, List<Component> components, String actor) {
        Instant now = clock.instant();
        Map<String, ActionItem> existing = new HashMap<>();
        actions.forAdvisory(tx, advisory.id()).forEach(a -> existing.put(a.componentId(), a));
        Map<String, Component> byId = new HashMap<>();
        components.forEach(c -> byId.put(c.id(), c));
        for (AdvisoryRepository.ExposureRow row : rows) {
            Component c = byId.get(row.componentId());
            ActionItem item = existing.get(row.componentId());
            boolean reaches = row.state() == ExposureState.EXPOSED || row.state() == ExposureState.POSSIBLY_EXPOSED;
            if (reaches && item == null) {
                ActionItem fresh = new ActionItem(0, advisory.id(), c.id(), c.ownership().team(), ActionState.OPEN, null,
                        advisory.disclosureAt(), false, null, null, now, now);
                assigned(tx, advisory, c, new ActionItem(actions.insert(tx, fresh), fresh.advisoryId(), fresh.componentId(),
                        fresh.team(), fresh.state(), null, fresh.dueAt(), false, null, null, now, now));
            } else if (reaches) {
                refresh(tx, advisory, c, item, now);
            } else if (row.state() == ExposureState.NOT_EXPOSED && item != null && !item.state().finished()) {
                actions.update(tx, item.with(ActionState.DONE, NO_LONGER_EXPOSED, actor, now));
            }
        }
    }

    private void refresh(Tx tx, Advisory advisory, Component c, ActionItem item, Instant now) {
        ActionItem next = item;
        if (item.state() == ActionState.DONE && NO_LONGER_EXPOSED.equals(item.reason())) {
            next = next.with(ActionState.OPEN, null, null, now);
        }
        if (!item.dueSet() && !java.util.Objects.equals(item.dueAt(), advisory.disclosureAt())) {
            next = next.due(advisory.disclosureAt(), false, now);
        }
        if (item.team() == null && c.ownership().team() != null) {
            next = next.team(c.ownership().team(), now);
        }
        if (next != item) {
            actions.update(tx, next);
            if (next.state() != item.state() || item.team() == null && next.team() != null) {
                assigned(tx, advisory, c, next);
            }
        }
    }

    private void assigned(Tx tx, Advisory advisory, Component c, ActionItem item) {
        String key = "action:" + item.id() + ":assigned:" + item.updatedAt().toEpochMilli();
        notices.queue(tx, key, c.ownership(), "Action needed: " + c.name() + " and " + advisory.title(),
                text(advisory, c, item, "An action item for your team was opened."));
    }

    /**
     * Queues the reminders owed now: 24 h before the due time, then 1 h before, for unfinished items
     * that existed by then (an item opened 2 h before it is due gets the 1 h reminder only). The due
     * time is part of the key, so moving it arms the reminders again.
     */
    int remind(Tx tx, Function<String, Optional<Component>> component, Function<Long, Optional<Advisory>> advisory) {
        Instant now = clock.instant();
        int queued = 0;
        // Looked up only for the items due soon, once each: a quiet tick costs one indexed query.
        Map<String, Optional<Component>> components = new HashMap<>();
        Map<Long, Optional<Advisory>> advisories = new HashMap<>();
        for (ActionItem item : actions.dueBetween(tx, now, now.plus(FIRST_REMINDER))) {
            Duration window = now.isBefore(item.dueAt().minus(LAST_REMINDER)) ? FIRST_REMINDER : LAST_REMINDER;
            Component c = components.computeIfAbsent(item.componentId(), component).orElse(null);
            Advisory a = advisories.computeIfAbsent(item.advisoryId(), advisory).orElse(null);
            if (c == null || a == null || item.createdAt().isAfter(item.dueAt().minus(window))) {
                continue;
            }
            String label = window.toHours() + " h";
            String key = "action:" + item.id() + ":due-" + label.replace(" ", "") + ":" + item.dueAt().toEpochMilli();
            if (notices.queue(tx, key, c.ownership(), "Due in " + label + ": " + c.name() + " and " + a.title(),
                    text(a, c, item, "This action item is due in " + label + " and is still " + item.state().wire() + "."))) {
                queued++;
            }
        }
        return queued;
    }

    private static String text(Advisory a, Component c, ActionItem item, String lead) {
        Ownership o = c.ownership();
        return lead + "\n\nAdvisory: " + a.title() + " (" + a.severity().wire() + ")"
                + (a.aliases().isEmpty() ? "" : "\nAlso known as: " + String.join(", ", a.aliases()))
                + "\nComponent: " + c.name() + " (" + c.id() + ")"
                + "\nTeam: " + (o.team() == null ? "not set" : o.team())
                + "\nDue: " + (item.dueAt() == null ? "not set" : item.dueAt().toString())
                + "\n\nAdvisory " + a.id() + ", action item " + item.id() + ".\n";
    }
}
