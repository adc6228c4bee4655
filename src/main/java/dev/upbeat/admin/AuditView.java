package dev.upbeat.admin;

import java.util.List;

/** The audit log page: the latest changes, newest first. */
public record AuditView(Chrome chrome, List<Entry> entries) {

    /** One change as shown: when (in the page's zone), who, what, on what, and a short detail. */
    public record Entry(String at, String actor, String action, String subject, String detail) {
    }
}
