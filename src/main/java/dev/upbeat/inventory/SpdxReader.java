package dev.upbeat.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.problem.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SPDX 2.3 JSON (2.2 read too: it differs here only in spelling PACKAGE_MANAGER). There is no
 * SPDX library on the path we take (the SPDX project's Java tools bring a whole model store), and
 * the part we need is small: packages with their purl external reference, and the relationships
 * that make the graph. A package without a purl is kept as pkg:generic/NAME@VERSION.
 */
final class SpdxReader {
    private static final Set<String> VERSIONS = Set.of("SPDX-2.2", "SPDX-2.3");

    private SpdxReader() {
    }

    static Sbom read(JsonNode doc) {
        String version = doc.path("spdxVersion").asText("");
        if (!VERSIONS.contains(version)) {
            throw Problem.invalid("spdxVersion", "SPDX documents must be SPDX-2.3 (or SPDX-2.2); got '" + version + "'");
        }
        String documentId = doc.path("SPDXID").asText("SPDXRef-DOCUMENT");
        Set<String> described = new HashSet<>();
        doc.path("documentDescribes").forEach(d -> described.add(d.asText()));
        List<Sbom.Edge> edges = new ArrayList<>();
        for (JsonNode r : doc.path("relationships")) {
            String from = r.path("spdxElementId").asText();
            String to = r.path("relatedSpdxElement").asText();
            switch (r.path("relationshipType").asText()) {
                case "DESCRIBES" -> { if (from.equals(documentId)) described.add(to); }
                case "DESCRIBED_BY" -> { if (to.equals(documentId)) described.add(from); }
                case "DEPENDS_ON", "CONTAINS", "DYNAMIC_LINK", "STATIC_LINK", "HAS_PREREQUISITE" -> edges.add(new Sbom.Edge(from, to));
                case "DEPENDENCY_OF", "CONTAINED_BY", "RUNTIME_DEPENDENCY_OF", "PREREQUISITE_FOR" -> edges.add(new Sbom.Edge(to, from));
                default -> { }
            }
        }
        String root = described.size() == 1 ? described.iterator().next() : null;
        Map<String, InventoryPackage> packages = new LinkedHashMap<>();
        JsonNode list = doc.path("packages");
        for (int i = 0; i < list.size(); i++) {
            JsonNode p = list.get(i);
            String id = p.path("SPDXID").asText("");
            if (id.isEmpty() || p.path("name").asText("").isBlank()) {
                throw Problem.invalid("packages[" + i + "]", "SPDX package packages[" + i + "] needs an SPDXID and a name");
            }
            if (!described.contains(id)) {
                packages.putIfAbsent(id, InventoryPackage.of(id, purl(p, i)));
            }
        }
        if (root == null && !described.isEmpty()) {
            // Several subjects: each one's dependencies are direct, under one made-up root.
            root = documentId;
            for (String d : described) {
                edges.add(new Sbom.Edge(documentId, d));
            }
        }
        return new Sbom(SbomFormat.SPDX_JSON, version.substring("SPDX-".length()), root, List.copyOf(packages.values()), edges);
    }

    private static Purls.Parsed purl(JsonNode p, int i) {
        JsonNode refs = p.path("externalRefs");
        for (int j = 0; j < refs.size(); j++) {
            JsonNode ref = refs.get(j);
            String category = ref.path("referenceCategory").asText();
            if ((category.equals("PACKAGE-MANAGER") || category.equals("PACKAGE_MANAGER"))
                    && ref.path("referenceType").asText().equals("purl")) {
                return Purls.parse("packages[" + i + "].externalRefs[" + j + "].referenceLocator", ref.path("referenceLocator").asText());
            }
        }
        String version = p.path("versionInfo").asText(null);
        return Purls.generic(null, p.path("name").asText(), version);
    }
}
