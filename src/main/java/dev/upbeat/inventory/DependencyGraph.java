package dev.upbeat.inventory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shortest paths from an SBOM's subject to its packages, by breadth-first search, worked out once
 * when the SBOM is stored: each package keeps the parent it is reached through (none for a direct
 * dependency, or a package the graph does not reach), so triage follows a few parents instead of
 * loading a whole graph per component.
 */
final class DependencyGraph {
    private DependencyGraph() {
    }

    /** Each reachable ref's parent on a shortest path from {@code root}; direct dependencies are absent. */
    static Map<String, String> parents(String root, List<Sbom.Edge> edges) {
        Map<String, String> parentOf = new HashMap<>();
        if (root == null) {
            return parentOf;
        }
        Map<String, List<String>> children = new HashMap<>();
        edges.forEach(e -> children.computeIfAbsent(e.parent(), k -> new ArrayList<>()).add(e.child()));
        Deque<String> queue = new ArrayDeque<>(List.of(root));
        Set<String> seen = new HashSet<>(Set.of(root));
        while (!queue.isEmpty()) {
            String at = queue.poll();
            for (String child : children.getOrDefault(at, List.of())) {
                if (seen.add(child)) {
                    if (!at.equals(root)) {
                        parentOf.put(child, at);
                    }
                    queue.add(child);
                }
            }
        }
        return parentOf;
    }
}
