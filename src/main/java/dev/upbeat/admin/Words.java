package dev.upbeat.admin;

import dev.upbeat.component.ComponentStatus;
import dev.upbeat.component.ContactChannel;
import dev.upbeat.component.Exposure;
import dev.upbeat.component.Ownership;
import dev.upbeat.incident.Impact;
import dev.upbeat.incident.IncidentStatus;
import dev.upbeat.incident.Kind;
import dev.upbeat.problem.Problem;
import dev.upbeat.user.Role;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Wire words as people read them, the select options built from them, and local times in the page's zone. */
final class Words {
    /** Non-breaking hyphens and space, so a narrow column wraps between date and time, never inside either. */
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy\u2011MM\u2011dd HH:mm\u00a0z", Locale.ROOT);

    private Words() {
    }

    static String of(String wire) {
        String spaced = wire.replace('_', ' ');
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    static List<IncidentViews.Option> componentStatuses() {
        return Arrays.stream(ComponentStatus.values()).map(s -> new IncidentViews.Option(s.wire(), of(s.wire()))).toList();
    }

    /** The choices of the ownership fields, each starting with an empty "not set" choice. */
    static List<IncidentViews.Option> contactChannels() {
        return withUnset(Arrays.stream(ContactChannel.values()).map(c -> new IncidentViews.Option(c.wire(), of(c.wire()))));
    }

    static List<IncidentViews.Option> tiers() {
        return withUnset(java.util.stream.IntStream.rangeClosed(Ownership.MOST_CRITICAL, Ownership.LEAST_CRITICAL)
                .mapToObj(t -> new IncidentViews.Option(Integer.toString(t), "Tier " + t)));
    }

    static List<IncidentViews.Option> exposures() {
        return withUnset(Arrays.stream(Exposure.values()).map(e -> new IncidentViews.Option(e.wire(), of(e.wire()))));
    }

    private static List<IncidentViews.Option> withUnset(java.util.stream.Stream<IncidentViews.Option> options) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(new IncidentViews.Option("", "Not set")), options).toList();
    }

    static List<IncidentViews.Option> roles() {
        return Arrays.stream(Role.values()).map(r -> new IncidentViews.Option(r.wire(), of(r.wire()))).toList();
    }

    static List<IncidentViews.Option> impacts() {
        return Arrays.stream(Impact.values()).filter(i -> i != Impact.MAINTENANCE)
                .map(i -> new IncidentViews.Option(i.wire(), of(i.wire()))).toList();
    }

    static List<IncidentViews.Option> openingStatuses() {
        return Arrays.stream(IncidentStatus.values()).filter(s -> s.kind() == Kind.INCIDENT && s != IncidentStatus.POSTMORTEM)
                .map(s -> new IncidentViews.Option(s.wire(), of(s.wire()))).toList();
    }

    static String time(Instant at, ZoneId zone) {
        return at == null ? "" : SHOWN.format(at.atZone(zone));
    }

    /** A {@code datetime-local} value read in the page's zone; blank means not given. */
    static Instant local(String field, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw Problem.invalid(field, field + " must be a date and time such as 2026-03-01T14:30; got '" + value + "'");
        }
    }
}
