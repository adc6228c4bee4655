package dev.upbeat.inventory;

/** A component's declared dependency on another component or on a simulator target. */
public record Link(String componentId, LinkKind kind, String dependsOn) {
}
