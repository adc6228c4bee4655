package dev.upbeat.status;

import dev.upbeat.incident.Incident;
import dev.upbeat.incident.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * A snapshot's incidents and maintenance windows, with what every rebuild's views ask of them
 * kept beside them: the open ones and when any of them last changed. A rebuild after a change
 * carries these over from the history before and puts in what changed, so the views do not walk
 * years of incidents a dozen times to find the few still open.
 *
 * @param incidents        incidents, newest start first
 * @param maintenances     maintenance windows, latest window first
 * @param openIncidents    the incidents not resolved, in the same order
 * @param openMaintenances the windows neither completed nor cancelled, in the same order
 * @param lastChange       the latest {@link Incident#updatedAt} of them all; null when there are none
 */
public record IncidentHistory(List<Incident> incidents, List<Incident> maintenances, List<Incident> openIncidents,
                              List<Incident> openMaintenances, Instant lastChange) {
    /** The order of incidents, as {@code IncidentRepository.all} reads them. */
    static final Comparator<Incident> NEWEST_START_FIRST =
            Comparator.comparing(Incident::startedAt).thenComparingLong(Incident::id).reversed();
    /** The order of windows: latest window first, windows alike as {@link #NEWEST_START_FIRST}. */
    static final Comparator<Incident> LATEST_WINDOW_FIRST =
            Comparator.comparing(Incident::scheduledFor).reversed().thenComparing(NEWEST_START_FIRST);
    private static final Predicate<Incident> OPEN = i -> i.status().isOpen();

    public static final IncidentHistory EMPTY = new IncidentHistory(List.of(), List.of(), List.of(), List.of(), null);

    /** Every incident and window, in any order. */
    public static IncidentHistory of(List<Incident> all) {
        return of(all.stream().filter(i -> i.kind() == Kind.INCIDENT).sorted(NEWEST_START_FIRST).toList(),
                all.stream().filter(i -> i.kind() == Kind.MAINTENANCE).sorted(LATEST_WINDOW_FIRST).toList());
    }

    /** Incidents and windows already in their orders; the open ones and the last change are found here. */
    public static IncidentHistory of(List<Incident> incidents, List<Incident> maintenances) {
        return new IncidentHistory(List.copyOf(incidents), List.copyOf(maintenances),
                incidents.stream().filter(OPEN).toList(), maintenances.stream().filter(OPEN).toList(),
                latest(incidents, maintenances));
    }

    /**
     * This history with {@code changed} (incidents and windows, new or saved again) in place of
     * their old versions. The whole lists are copied once; the open ones and the last change are
     * worked out from what changed, unless a change moved an incident's last change back (a clock
     * behind on another instance), when they are found again.
     */
    public IncidentHistory with(List<Incident> changed) {
        if (changed.isEmpty()) {
            return this;
        }
        long[] ids = new long[changed.size()];
        Instant newest = null;
        for (int k = 0; k < ids.length; k++) {
            ids[k] = changed.get(k).id();
            newest = later(newest, changed.get(k).updatedAt());
        }
        Arrays.sort(ids);
        List<Incident> replaced = new ArrayList<>();
        List<Incident> allIncidents = merged(incidents, changed, ids, Kind.INCIDENT, NEWEST_START_FIRST, replaced);
        List<Incident> allWindows = merged(maintenances, changed, ids, Kind.MAINTENANCE, LATEST_WINDOW_FIRST, replaced);
        boolean latestReplaced = replaced.stream().anyMatch(old -> old.updatedAt().equals(lastChange));
        Instant last = latestReplaced && newest.isBefore(lastChange) ? latest(allIncidents, allWindows) : later(lastChange, newest);
        List<Incident> openChanged = changed.stream().filter(OPEN).toList();
        return new IncidentHistory(allIncidents, allWindows,
                merged(openIncidents, openChanged, ids, Kind.INCIDENT, NEWEST_START_FIRST, new ArrayList<>()),
                merged(openMaintenances, openChanged, ids, Kind.MAINTENANCE, LATEST_WINDOW_FIRST, new ArrayList<>()), last);
    }

    /**
     * {@code kept} (in {@code order}) without the incidents whose ids are in {@code ids}, which go to
     * {@code replaced}, and with those of {@code changed} of {@code kind} put in their places.
     */
    private static List<Incident> merged(List<Incident> kept, List<Incident> changed, long[] ids, Kind kind,
                                         Comparator<Incident> order, List<Incident> replaced) {
        List<Incident> merged = new ArrayList<>(kept.size() + changed.size());
        for (Incident i : kept) {
            (contains(ids, i.id()) ? replaced : merged).add(i);
        }
        for (Incident i : changed) {
            if (i.kind() == kind) {
                int at = Collections.binarySearch(merged, i, order);
                merged.add(at < 0 ? -at - 1 : at, i);
            }
        }
        return List.copyOf(merged);
    }

    /** Whether the sorted changed ids hold {@code id}, without boxing each id of the history. */
    private static boolean contains(long[] ids, long id) {
        return Arrays.binarySearch(ids, id) >= 0;
    }

    private static Instant latest(List<Incident> incidents, List<Incident> maintenances) {
        Instant latest = null;
        for (List<Incident> list : List.of(incidents, maintenances)) {
            for (Incident i : list) {
                latest = later(latest, i.updatedAt());
            }
        }
        return latest;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }
}
