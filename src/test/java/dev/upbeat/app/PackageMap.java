package dev.upbeat.app;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which feature package uses which, read from the compiled classes: the map that
 * docs/architecture.md shows, so the picture a newcomer reads is the one the code has.
 */
final class PackageMap {
    private static final String ROOT = "dev.upbeat.";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests()).importPackages("dev.upbeat");

    private PackageMap() {
    }

    /** The feature packages (first segment under dev.upbeat), sorted. */
    static SortedSet<String> packages() {
        return CLASSES.stream().map(PackageMap::feature).flatMap(Optional::stream)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** For each feature package, the feature packages its classes use. */
    static Map<String, SortedSet<String>> uses() {
        Map<String, SortedSet<String>> uses = new TreeMap<>();
        packages().forEach(p -> uses.put(p, new TreeSet<>()));
        for (JavaClass c : CLASSES) {
            Optional<String> from = feature(c);
            if (from.isEmpty()) {
                continue;
            }
            Set<Dependency> deps = c.getDirectDependenciesFromSelf();
            deps.stream().map(d -> feature(d.getTargetClass())).flatMap(Optional::stream)
                    .filter(to -> !to.equals(from.get())).forEach(to -> uses.get(from.get()).add(to));
        }
        return uses;
    }

    /** The map as docs/architecture.md shows it: one line per package, in a fixed order. */
    static String render() {
        StringBuilder out = new StringBuilder();
        uses().forEach((p, to) -> out.append(String.format("%-13s-> %s%n", p,
                to.isEmpty() ? "(nothing)" : String.join(", ", to))));
        return out.toString();
    }

    private static Optional<String> feature(JavaClass c) {
        String name = c.getPackageName();
        if (!name.startsWith(ROOT)) {
            return Optional.empty();
        }
        String rest = name.substring(ROOT.length());
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }
}
