package dev.upbeat.admin;

import java.util.List;

/** The maintenance page: windows not yet over (with their actions), and the schedule form. */
public record MaintenanceView(Chrome chrome, List<Window> windows, List<IncidentViews.ComponentPick> components, List<String> zones,
                              String defaultZone, Form form) {

    /** A window in its own zone and in the page's; {@code canStart} while scheduled. */
    public record Window(long id, String title, String status, String local, String pageTime, boolean canStart, String publicUrl) {
    }

    public boolean picked(String componentId) {
        return form.values().containsKey("component." + componentId);
    }
}
