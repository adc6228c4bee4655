package dev.upbeat.advisory;

import dev.upbeat.inventory.PackageId;

/**
 * A package an advisory affects, and which of its versions: a {@code vers} range, or null for
 * "not yet said" (an embargo), which makes every version possibly exposed.
 */
public record Affected(String purl, PackageId id, String vers) {
}
