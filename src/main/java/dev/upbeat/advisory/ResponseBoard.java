package dev.upbeat.advisory;

import dev.upbeat.component.Component;
import dev.upbeat.component.Ownership;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One advisory's response as the board and the post-incident review show it: the triage by
 * priority, the action items with their owners, and how far along they are. The exports
 * (Markdown and CSV) are written here, so the admin page and any other reader say the same.
 */
public record ResponseBoard(Advisory advisory, List<Triage.Ranked> exposure, List<ActionItem> actions,
                            Map<String, Component> components) {

    public long done() {
        return actions.stream().filter(a -> a.state() == ActionState.DONE).count();
    }

    public long wontFix() {
        return actions.stream().filter(a -> a.state() == ActionState.WONT_FIX).count();
    }

    public String name(String componentId) {
        Component c = components.get(componentId);
        return c == null ? componentId : c.name();
    }

    public Ownership owner(String componentId) {
        Component c = components.get(componentId);
        return c == null ? Ownership.NONE : c.ownership();
    }

    /** "in 2 d 5 h", "3 h 10 min ago", or "no disclosure time set". */
    public String countdown(Instant now) {
        if (advisory.disclosureAt() == null) {
            return "no disclosure time set";
        }
        Duration left = Duration.between(now, advisory.disclosureAt());
        String span = span(left.abs());
        return left.isNegative() ? "disclosed " + span + " ago" : "disclosure in " + span;
    }

    static String span(Duration d) {
        if (d.toDays() > 0) {
            return d.toDays() + " d " + d.toHoursPart() + " h";
        }
        if (d.toHours() > 0) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        return d.toMinutes() + " min";
    }

    /** The review in Markdown: the advisory, progress, action items, then the full triage. */
    public String markdown(Instant now) {
        StringBuilder md = new StringBuilder("# ").append(md(advisory.title())).append("\n\n");
        md.append("- Severity: ").append(advisory.severity().wire()).append('\n');
        md.append("- Disclosure: ").append(advisory.disclosureAt() == null ? "not set" : advisory.disclosureAt()).append('\n');
        if (!advisory.aliases().isEmpty()) {
            md.append("- Also known as: ").append(md(String.join(", ", advisory.aliases()))).append('\n');
        }
        md.append("- Progress: ").append(done()).append(" of ").append(actions.size()).append(" done, ").append(wontFix())
                .append(" won't fix\n- Exported: ").append(now).append("\n\n## Action items\n\n");
        md.append("| Component | Team | State | Due | Overdue | Closed by | Closed at | Reason |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (ActionItem a : actions) {
            md.append("| ").append(md(name(a.componentId()))).append(" | ").append(md(orDash(a.team()))).append(" | ")
                    .append(a.state().wire()).append(" | ").append(orDash(a.dueAt())).append(" | ").append(a.overdue(now) ? "yes" : "")
                    .append(" | ").append(md(orDash(a.doneBy()))).append(" | ").append(orDash(a.doneAt())).append(" | ")
                    .append(md(orDash(a.reason()))).append(" |\n");
        }
        md.append("\n## Exposure\n\n| Component | State | Priority | Team |\n|---|---|---|---|\n");
        for (Triage.Ranked r : exposure) {
            md.append("| ").append(md(name(r.componentId()))).append(" | ").append(r.state().wire()).append(" | ").append(r.priority())
                    .append(" | ").append(md(orDash(owner(r.componentId()).team()))).append(" |\n");
        }
        return md.toString();
    }

    /** One row per action item (RFC 4180, with a header row). */
    public String csv(Instant now) {
        StringBuilder out = new StringBuilder("advisory,component,team,state,due_at,overdue,done_by,done_at,reason\r\n");
        for (ActionItem a : actions) {
            out.append(advisory.id()).append(',').append(cell(a.componentId())).append(',').append(cell(a.team())).append(',')
                    .append(a.state().wire()).append(',').append(a.dueAt() == null ? "" : a.dueAt()).append(',')
                    .append(a.overdue(now)).append(',').append(cell(a.doneBy())).append(',')
                    .append(a.doneAt() == null ? "" : a.doneAt()).append(',').append(cell(a.reason())).append("\r\n");
        }
        return out.toString();
    }

    private static String orDash(Object o) {
        return o == null ? "-" : o.toString();
    }

    /** Table cells: a pipe or a line break would end the cell. */
    private static String md(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }

    /** Quoted when needed; a leading =, +, - or @ is defused so a spreadsheet never runs it as a formula. */
    private static String cell(String s) {
        if (s == null) {
            return "";
        }
        String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
