package dev.upbeat.admin;

import dev.upbeat.component.Component;
import dev.upbeat.component.ComponentGroup;
import dev.upbeat.incident.AffectedComponent;
import dev.upbeat.incident.Incident;
import dev.upbeat.incident.IncidentStatus;
import dev.upbeat.status.Markdown;
import dev.upbeat.status.PublicStatus;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the composer's and an incident page's view models from the current snapshot. */
final class IncidentModels {
    private final ZoneId zone;

    IncidentModels(ZoneId zone) {
        this.zone = zone;
    }

    ZoneId zone() {
        return zone;
    }

    IncidentViews.Composer composer(Chrome chrome, Form form, PublicStatus s, List<IncidentViews.TemplateChoice> templates) {
        return new IncidentViews.Composer(chrome, form, picks(s), Words.componentStatuses(), Words.impacts(),
                Words.openingStatuses(), zone.getId(), templates);
    }

    IncidentViews.Detail detail(Chrome chrome, Incident i, PublicStatus s, Form form) {
        Map<String, String> values = new HashMap<>(form.values());
        values.putIfAbsent("title", i.title());
        values.putIfAbsent("impact", i.impact().wire());
        values.putIfAbsent("status", i.status().wire());
        values.putIfAbsent("postmortem", i.postmortem() == null ? "" : i.postmortem());
        for (AffectedComponent c : i.components()) {
            values.putIfAbsent("components." + c.componentId(), c.status().wire());
        }
        Form filled = new Form(values, form.errors(), form.notice());
        List<IncidentViews.Option> next = i.status().next().stream()
                .filter(st -> st != IncidentStatus.RESOLVED && st != IncidentStatus.POSTMORTEM)
                .map(st -> new IncidentViews.Option(st.wire(), Words.of(st.wire()))).toList();
        List<IncidentViews.Update> updates = i.updatesNewestFirst().stream()
                .map(u -> new IncidentViews.Update(Words.of(u.status().wire()), Words.time(u.displayAt(), zone), Markdown.toSafeHtml(u.message())))
                .toList();
        return new IncidentViews.Detail(chrome, i.id(), i.title(), Words.of(i.status().wire()), Words.of(i.impact().wire()),
                Words.time(i.startedAt(), zone), i.status().isOpen(), i.status() == IncidentStatus.RESOLVED,
                i.status() == IncidentStatus.POSTMORTEM, i.postmortem(), "/incidents/" + i.id(), updates, picks(s),
                Words.componentStatuses(), next, Words.impacts(), filled, zone.getId());
    }

    static List<IncidentViews.ComponentPick> picks(PublicStatus s) {
        Map<String, String> groupNames = new HashMap<>();
        for (ComponentGroup g : s.groups()) {
            groupNames.put(g.id(), g.name());
        }
        return s.components().stream().map((Component c) -> new IncidentViews.ComponentPick(c.id(), c.name(),
                c.groupId() == null ? PublicStatus.UNGROUPED : groupNames.getOrDefault(c.groupId(), PublicStatus.UNGROUPED),
                Words.of(c.status().wire()), "components." + c.id())).toList();
    }

    IncidentViews.Row row(Incident i, String base) {
        return new IncidentViews.Row(i.id(), i.title(), Words.of(i.status().wire()), Words.of(i.impact().wire()),
                Words.time(i.startedAt() == null ? i.scheduledFor() : i.startedAt(), zone), base + i.id());
    }
}
