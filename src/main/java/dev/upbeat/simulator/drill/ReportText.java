package dev.upbeat.simulator.drill;

import dev.upbeat.simulator.Effects;
import java.util.Map;
import java.util.stream.Collectors;

/** A drill report as Markdown (to paste into a ticket) and as a self-contained HTML page. */
public final class ReportText {
    private ReportText() {
    }

    public static String markdown(DrillReport r) {
        StringBuilder md = new StringBuilder();
        md.append("## Drill ").append(r.id()).append(" on `").append(r.target()).append("`: **").append(r.verdict().toUpperCase())
                .append("**\n\n").append(r.reason()).append("\n\n");
        md.append("- Started: ").append(r.startedAt()).append("\n- Ended: ").append(r.endedAt() == null ? "running" : r.endedAt()).append('\n');
        md.append(r.toxics().isEmpty() ? "- Faults: " : "- Toxics: ").append(Effects.types(r.faults(), r.toxics()).stream()
                .map(t -> "`" + t + "`").collect(Collectors.joining(", "))).append('\n');
        md.append("- Simulation: ").append(r.simulationId() == null ? "not started" : "#" + r.simulationId())
                .append(", ").append(r.requestsSeen()).append(" request(s) seen, injected ").append(injected(r.faultsInjected())).append("\n\n");
        md.append("| Check | Phase | Success | p50 | p90 | p99 | Max |\n|---|---|---|---|---|---|---|\n");
        for (DrillReport.CheckSummary c : r.checks()) {
            c.phases().forEach((phase, s) -> md.append("| ").append(c.label()).append(" | ").append(phase).append(" | ")
                    .append(s.successPercent()).append("% (").append(s.successes()).append('/').append(s.attempts()).append(") | ")
                    .append(s.p50Ms()).append(" ms | ").append(s.p90Ms()).append(" ms | ").append(s.p99Ms()).append(" ms | ")
                    .append(s.maxMs()).append(" ms |\n"));
        }
        md.append("\n### Timeline\n\n");
        r.timeline().forEach(e -> md.append("- ").append(e.at()).append(" (").append(e.phase()).append(") ").append(e.what()).append('\n'));
        if (r.notice() != null) {
            md.append("\n> Private notice: ").append(r.notice()).append('\n');
        }
        return md.toString();
    }

    public static String html(DrillReport r) {
        StringBuilder h = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Drill ")
                .append(r.id()).append("</title><link rel=\"stylesheet\" href=\"/assets/upbeat.css\"></head><body><main>")
                .append("<h1>Drill ").append(r.id()).append(" on ").append(esc(r.target())).append(": <span class=\"verdict-")
                .append(esc(r.verdict())).append("\">").append(esc(r.verdict())).append("</span></h1><p>").append(esc(r.reason())).append("</p>")
                .append("<p>Faults injected: ").append(esc(injected(r.faultsInjected()))).append(" over ").append(r.requestsSeen())
                .append(" request(s).</p><table><tr><th>Check</th><th>Phase</th><th>Success</th><th>p50</th><th>p90</th><th>p99</th></tr>");
        for (DrillReport.CheckSummary c : r.checks()) {
            c.phases().forEach((phase, s) -> h.append("<tr><td>").append(esc(c.label())).append("</td><td>").append(phase).append("</td><td>")
                    .append(s.successPercent()).append("%</td><td>").append(s.p50Ms()).append(" ms</td><td>").append(s.p90Ms())
                    .append(" ms</td><td>").append(s.p99Ms()).append(" ms</td></tr>"));
        }
        h.append("</table><h2>Timeline</h2><ol>");
        r.timeline().forEach(e -> h.append("<li><time>").append(e.at()).append("</time> ").append(esc(e.phase())).append(": ")
                .append(esc(e.what())).append("</li>"));
        h.append("</ol>");
        if (r.notice() != null) {
            h.append("<aside><strong>Private notice:</strong> ").append(esc(r.notice())).append("</aside>");
        }
        return h.append("</main></body></html>").toString();
    }

    private static String injected(Map<String, Long> injected) {
        return injected.isEmpty() ? "nothing" : injected.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
