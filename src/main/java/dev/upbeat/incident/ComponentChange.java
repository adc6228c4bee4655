package dev.upbeat.incident;

import dev.upbeat.component.ComponentStatus;

/** What one update did to one component, as Statuspage's {@code affected_components}. */
public record ComponentChange(String componentId, ComponentStatus oldStatus, ComponentStatus newStatus) {
}
