package dev.upbeat.incident;

import dev.upbeat.component.ComponentStatus;

/** A component an incident or maintenance affects, at the status it puts it in. */
public record AffectedComponent(String componentId, ComponentStatus status) {
}
