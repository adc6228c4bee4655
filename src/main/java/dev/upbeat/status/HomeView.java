package dev.upbeat.status;

import java.util.List;

/**
 * What the home page shows, already in words and pre-formatted times, so the template only lays
 * it out.
 */
public record HomeView(
        String pageName,
        String overallStatus,
        String overallWords,
        List<Group> groups,
        List<OpenIncident> incidents,
        List<Window> maintenances,
        String timeZone,
        String generatedAt) {

    public record Group(String name, String status, String words, List<Row> components) {
    }

    public record Row(String id, String name, String status, String words, String description, String uptime) {
    }

    public record OpenIncident(long id, String title, String impact, String status, String duration, String latestHtml,
                               String latestAt, List<String> components) {
    }

    public record Window(long id, String title, String status, String from, String until) {
    }
}
