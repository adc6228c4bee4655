package dev.upbeat.incident;

import java.util.Map;

/** A new update to an incident or maintenance; a null status keeps the current one. */
public record UpdateDraft(String status, String message, Map<String, String> components, Boolean notifySubscribers) {
}
