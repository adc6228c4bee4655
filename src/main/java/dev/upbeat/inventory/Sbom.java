package dev.upbeat.inventory;

import java.util.List;

/**
 * A bill of materials as read: its packages (without the subject itself) and its dependency graph
 * by ref. {@code rootRef} is the subject's ref, the parent of its direct dependencies (null when
 * the document names no subject).
 */
public record Sbom(SbomFormat format, String specVersion, String rootRef, List<InventoryPackage> packages, List<Edge> edges) {

    /** {@code parent} depends on (or contains) {@code child}. */
    public record Edge(String parent, String child) {
    }
}
