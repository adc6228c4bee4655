package dev.upbeat.uptime;

import dev.upbeat.component.ComponentStatus;
import dev.upbeat.component.StatusHistory;
import dev.upbeat.storage.Tx;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Stores each component's status history as intervals and keeps the daily roll-ups of the
 * closed ones current in the same transaction, so uptime never needs to scan raw history.
 * Days are local days of the configured time zone.
 */
public final class IntervalHistory implements StatusHistory {
    private static final String ZONE_SETTING = "uptime_zone";

    private final IntervalRepository intervals;
    private final ZoneId zone;

    public IntervalHistory(IntervalRepository intervals, ZoneId zone) {
        this.intervals = intervals;
        this.zone = zone;
    }

    @Override
    public void begin(Tx tx, String componentId, ComponentStatus status, Instant at) {
        intervals.insert(tx, componentId, status, at, null);
    }

    @Override
    public void change(Tx tx, String componentId, ComponentStatus status, Instant at) {
        var open = intervals.open(tx, componentId);
        if (open.isEmpty()) {
            intervals.insert(tx, componentId, status, at, null);
            return;
        }
        Interval current = open.get();
        if (current.status() == status) {
            return;
        }
        if (!at.isAfter(current.start())) {
            // A change in the same instant as the last one replaces it rather than leaving a zero-length interval.
            intervals.setStatus(tx, current.id(), status);
            return;
        }
        intervals.close(tx, current.id(), at);
        intervals.insert(tx, componentId, status, at, null);
        rollUp(tx, componentId, current.start(), at);
    }

    @Override
    public void raise(Tx tx, String componentId, ComponentStatus status, Instant from, Instant to) {
        Instant firstKnown = intervals.firstStart(tx, componentId).orElse(to);
        Instant start = from.isBefore(firstKnown) ? firstKnown : from;
        if (!start.isBefore(to)) {
            return;
        }
        Instant rollFrom = start;
        for (Interval i : intervals.overlapping(tx, componentId, start, to)) {
            if (i.status().isWorseThan(status) || i.status() == status) {
                continue;
            }
            // Splitting the open interval closes its first part, whose days had no roll-up until now.
            rollFrom = i.end() == null && i.start().isBefore(rollFrom) ? i.start() : rollFrom;
            Instant overlapStart = i.start().isBefore(start) ? start : i.start();
            Instant overlapEnd = i.end() == null || i.end().isAfter(to) ? to : i.end();
            intervals.delete(tx, i.id());
            if (i.start().isBefore(overlapStart)) {
                intervals.insert(tx, componentId, i.status(), i.start(), overlapStart);
            }
            intervals.insert(tx, componentId, status, overlapStart, overlapEnd);
            if (i.end() == null || overlapEnd.isBefore(i.end())) {
                intervals.insert(tx, componentId, i.status(), overlapEnd, i.end());
            }
        }
        rollUp(tx, componentId, rollFrom, to);
    }

    /** Rebuilds every roll-up when the configured zone differs from the one they were made in. */
    public void rollUpAllIfZoneChanged(Tx tx, Instant now) {
        String previous = intervals.setting(tx, ZONE_SETTING).orElse(null);
        if (zone.getId().equals(previous)) {
            return;
        }
        intervals.deleteAllRollups(tx);
        for (String componentId : intervals.componentsWithHistory(tx)) {
            intervals.firstStart(tx, componentId).ifPresent(first -> rollUp(tx, componentId, first, now));
        }
        intervals.putSetting(tx, ZONE_SETTING, zone.getId());
    }

    /** Recomputes the roll-ups of every local day that [from, to) touches, from closed intervals. */
    private void rollUp(Tx tx, String componentId, Instant from, Instant to) {
        LocalDate firstDay = LocalDate.ofInstant(from, zone);
        LocalDate lastDay = LocalDate.ofInstant(to, zone);
        Instant dayStart = firstDay.atStartOfDay(zone).toInstant();
        Instant dayEnd = lastDay.plusDays(1).atStartOfDay(zone).toInstant();
        List<StatusSpan> spans = intervals.overlapping(tx, componentId, dayStart, dayEnd).stream()
                .filter(i -> i.end() != null)
                .map(i -> new StatusSpan(i.status(), i.start(), i.end()))
                .toList();
        intervals.replaceRollups(tx, componentId, firstDay, lastDay, DaySplitter.split(spans, zone, dayStart, dayEnd).values());
    }

    public ZoneId zone() {
        return zone;
    }
}
