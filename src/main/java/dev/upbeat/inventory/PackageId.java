package dev.upbeat.inventory;

/**
 * A package without its version: what an advisory and an inventory are matched on. The parts are
 * normalised as the purl type's rules say ({@link Purls}); a purl without a namespace has "".
 */
public record PackageId(String type, String namespace, String name) {
}
