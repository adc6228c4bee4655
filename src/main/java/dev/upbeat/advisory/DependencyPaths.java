package dev.upbeat.advisory;

import dev.upbeat.inventory.InventoryRepository;
import dev.upbeat.inventory.Sbom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shortest paths from a component's SBOM subject to its packages, by breadth-first search over the
 * stored graph. A path lists purls from a direct dependency down to the package: one element means
 * direct. A package the graph does not reach from the subject (or an SBOM without a graph, or one
 * added by hand) gets a path of itself alone.
 */
final class DependencyPaths {
    private final Map<String, String> parentOf = new HashMap<>();
    private final Map<String, String> purlOf = new HashMap<>();
    private final String root;

    DependencyPaths(String root, List<Sbom.Edge> edges, List<InventoryRepository.Row> packages) {
        this.root = root;
        packages.forEach(p -> purlOf.putIfAbsent(p.ref(), p.purl()));
        if (root == null) {
            return;
        }
        Map<String, List<String>> children = new HashMap<>();
        edges.forEach(e -> children.computeIfAbsent(e.parent(), k -> new ArrayList<>()).add(e.child()));
        Deque<String> queue = new ArrayDeque<>(List.of(root));
        parentOf.put(root, null);
        while (!queue.isEmpty()) {
            String at = queue.poll();
            for (String child : children.getOrDefault(at, List.of())) {
                if (!parentOf.containsKey(child)) {
                    parentOf.put(child, at);
                    queue.add(child);
                }
            }
        }
    }

    List<String> pathTo(String ref) {
        if (!parentOf.containsKey(ref) || ref.equals(root)) {
            return List.of(purlOf.getOrDefault(ref, ref));
        }
        List<String> path = new ArrayList<>();
        for (String at = ref; at != null && !at.equals(root); at = parentOf.get(at)) {
            path.add(purlOf.getOrDefault(at, at));
        }
        Collections.reverse(path);
        return path;
    }
}
