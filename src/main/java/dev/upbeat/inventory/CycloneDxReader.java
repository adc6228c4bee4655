package dev.upbeat.inventory;

import dev.upbeat.problem.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.parsers.JsonParser;
import org.cyclonedx.parsers.Parser;
import org.cyclonedx.parsers.XmlParser;

/**
 * CycloneDX 1.4 to 1.6, JSON or XML, read by the CycloneDX project's own library. Packages are
 * the BOM's components at any depth (a nested component is contained by its parent, which the
 * graph keeps as an edge); {@code dependencies} give the rest of the graph.
 */
final class CycloneDxReader {
    private static final Set<String> VERSIONS = Set.of("1.4", "1.5", "1.6");

    private CycloneDxReader() {
    }

    static Sbom read(SbomFormat format, byte[] document) {
        boolean xml = format == SbomFormat.CYCLONEDX_XML;
        if (xml) {
            XmlSafety.check(document);
        }
        Bom bom = parse(xml ? new XmlParser() : new JsonParser(), document);
        if (!xml && !"CycloneDX".equals(bom.getBomFormat())) {
            throw Problem.invalid("sbom", "Not a CycloneDX document: bomFormat is '" + bom.getBomFormat() + "', not 'CycloneDX'");
        }
        if (bom.getSpecVersion() == null || !VERSIONS.contains(bom.getSpecVersion())) {
            throw Problem.invalid("sbom", "CycloneDX specVersion must be 1.4, 1.5 or 1.6; got '" + bom.getSpecVersion() + "'");
        }
        Component subject = bom.getMetadata() == null ? null : bom.getMetadata().getComponent();
        String root = subject == null ? null : refOf(subject, "metadata.component");
        Map<String, InventoryPackage> packages = new LinkedHashMap<>();
        List<Sbom.Edge> edges = new ArrayList<>();
        if (bom.getComponents() != null) {
            collect(bom.getComponents(), null, "components", packages, edges);
        }
        if (bom.getDependencies() != null) {
            for (Dependency d : bom.getDependencies()) {
                if (d.getDependencies() != null) {
                    d.getDependencies().forEach(child -> edges.add(new Sbom.Edge(d.getRef(), child.getRef())));
                }
            }
        }
        return new Sbom(format, bom.getSpecVersion(), root, List.copyOf(packages.values()), edges);
    }

    private static Bom parse(Parser parser, byte[] document) {
        try {
            return parser.parse(document);
        } catch (ParseException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw Problem.badRequest("sbom", "Not a readable CycloneDX document: " + XmlSafety.oneLine(cause.getMessage()));
        }
    }

    private static void collect(List<Component> components, String parent, String where,
                                Map<String, InventoryPackage> packages, List<Sbom.Edge> edges) {
        for (int i = 0; i < components.size(); i++) {
            Component c = components.get(i);
            String at = where + "[" + i + "]";
            if (c.getName() == null || c.getName().isBlank()) {
                throw Problem.invalid("sbom", "CycloneDX component " + at + " has no name");
            }
            Purls.Parsed purl = c.getPurl() == null || c.getPurl().isBlank()
                    ? Purls.generic(c.getGroup(), c.getName(), c.getVersion())
                    : Purls.parse(at + ".purl", c.getPurl());
            String ref = c.getBomRef() != null && !c.getBomRef().isBlank() ? c.getBomRef() : purl.purl();
            packages.putIfAbsent(ref, InventoryPackage.of(ref, purl));
            if (parent != null) {
                edges.add(new Sbom.Edge(parent, ref));
            }
            if (c.getComponents() != null) {
                collect(c.getComponents(), ref, at + ".components", packages, edges);
            }
        }
    }

    private static String refOf(Component c, String where) {
        if (c.getBomRef() != null && !c.getBomRef().isBlank()) {
            return c.getBomRef();
        }
        return c.getPurl() != null && !c.getPurl().isBlank() ? Purls.parse(where + ".purl", c.getPurl()).purl() : null;
    }
}
