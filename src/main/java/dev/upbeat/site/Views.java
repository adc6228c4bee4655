package dev.upbeat.site;

import dev.upbeat.config.Branding;
import java.util.List;

/**
 * The records the page templates take: everything already in words, percentages and local times,
 * so templates only lay things out. One file, because they are read together with the templates.
 */
public final class Views {
    private Views() {
    }

    /**
     * What every page shares: name, branding, zone, and the snapshot version it was made from;
     * {@code stale} says how old that snapshot is when it is too old to pass for current, else null.
     */
    public record Chrome(String title, String pageName, boolean hasLogo, List<Branding.FooterLink> footerLinks,
                         String timeZone, String updatedAt, long version, String current, String stale) {
    }

    public record Home(Chrome chrome, String overallStatus, String overallWords, String overallColor,
                       List<Group> groups, List<IncidentBox> incidents, List<WindowBox> maintenances, Subscribe subscribe,
                       List<NoticeBox> notices) {
    }

    /** A published notice: its text as sanitised HTML, and when it was published. */
    public record NoticeBox(long id, String html, String publishedAt) {
    }

    /** The subscribe form: its signed anti-forgery token, the channels on offer, the components to choose from. */
    public record Subscribe(String token, List<Option> channels, String addressLabel, boolean emailOnly, List<Option> components) {
    }

    public record Option(String id, String name) {
    }

    /** @param collapsible long groups fold into their heading ({@code <details>}); {@code open} when something is wrong */
    public record Group(String id, String name, String color, String words, List<ComponentRow> components, boolean collapsible,
                        boolean open) {
    }

    public record ComponentRow(String id, String name, String status, String words, String color, String description,
                               String uptime, Bars bars) {
    }

    public record IncidentBox(long id, String title, String impact, String color, String status, String duration,
                              String latestHtml, String latestAt, List<String> components) {
    }

    public record WindowBox(long id, String title, String status, String from, String until, List<String> components) {
    }

    public record Uptime(Chrome chrome, String previousMonth, List<GroupUptime> groups, Timeline timeline) {
    }

    public record GroupUptime(String name, String previousMonth, List<ComponentUptime> components) {
    }

    /**
     * @param basis    where the headline numbers come from, in words ("measured by probes"), or null for the status history
     * @param measured the probes' own bars beside the headline ones (UPBEAT_UPTIME_SOURCE=both), or null
     */
    public record ComponentUptime(String id, String name, String previousMonth, String last90Days, Bars bars,
                                  String basis, MeasuredBars measured) {
    }

    /** A 90-day bar measured by probes. */
    public record MeasuredBars(String last90Days, Bars bars) {
    }

    /**
     * One probe's hourly latency as SVG polylines in a 720 by 160 viewBox ({@code points} attribute
     * values), the top of the scale and the period, in words.
     */
    public record LatencyChart(String probe, String p50Points, String p95Points, String max, String from, String to,
                               String summary) {
    }

    /** A 90-day bar, oldest day first; {@code label} names it for screen readers. */
    public record Bars(String label, List<BarDay> days) {
    }

    /** One day of a bar: its date, its uptime in words and the incidents that touched it. */
    public record BarDay(String date, String color, String words, List<Link> incidents) {
    }

    public record Link(String href, String title) {
    }

    /** @param ticks the dates under the track, evenly spaced, oldest first */
    public record Timeline(String from, String to, List<Segment> segments, List<String> ticks) {
    }

    /** An incident on the proportional timeline; positions are percentages of the period. */
    public record Segment(long id, String title, double left, double width, String color, String label, boolean ongoing) {
    }

    public record IncidentPage(Chrome chrome, long id, String kind, String title, String impact, String color, String status,
                               String duration, String startedAt, String endedAt, String window, List<String> components,
                               List<UpdateRow> updates, String postmortemHtml) {
    }

    public record UpdateRow(String time, String status, String html, List<String> changes) {
    }

    public record History(Chrome chrome, List<MonthGroup> months, String newer, String older) {
    }

    public record MonthGroup(String label, List<HistoryRow> incidents) {
    }

    public record HistoryRow(String path, String title, String impact, String color, String status, String when,
                             String duration) {
    }

    /**
     * @param measuredUptime the month's uptime as probes measured it (null: no probe)
     * @param latency        a chart per probe of the component
     */
    public record ComponentMonth(Chrome chrome, String id, String name, String month, String uptime, List<DayRow> days,
                                 String previous, String next, String measuredUptime, List<LatencyChart> latency) {
    }

    /** An error as a page: its status, a heading and a sentence in words, and the server's own detail. */
    public record ErrorPage(Chrome chrome, int status, String title, String lead, String detail) {
    }

    public record DayRow(String date, String uptime, String downtime, String color) {
    }
}
