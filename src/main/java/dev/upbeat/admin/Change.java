package dev.upbeat.admin;

/** A change as the audit log records it: {@code component.create} on {@code api}, with a short detail. */
record Change(String action, String subject, String detail) {
}
