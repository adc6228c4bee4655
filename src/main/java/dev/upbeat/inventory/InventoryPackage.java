package dev.upbeat.inventory;

/**
 * A package a component runs. {@code ref} names it within its component (the SBOM's bom-ref or
 * SPDXID; the purl for one added by hand); {@code version} may be null when the source gave none.
 */
public record InventoryPackage(String ref, PackageId id, String version, String purl) {

    static InventoryPackage of(String ref, Purls.Parsed parsed) {
        return new InventoryPackage(ref, parsed.id(), parsed.version(), parsed.purl());
    }
}
