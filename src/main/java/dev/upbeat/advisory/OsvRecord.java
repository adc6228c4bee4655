package dev.upbeat.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.inventory.Purls;
import dev.upbeat.problem.Problem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An advisory in the OSV schema turned into ours. Each affected package becomes one entry per
 * range (its events as {@code vers}: introduced as {@code >=}, fixed and limit as {@code <},
 * last_affected as {@code <=}) and one for its {@code versions} list. GIT ranges name commits, not
 * versions, so they add nothing; a package left with no range at all matches every version as
 * possibly exposed, as an embargoed entry does.
 */
final class OsvRecord {
    /** OSV ecosystems (before any ":release" suffix) and the purl type and vers scheme each maps to. */
    private static final Map<String, String[]> ECOSYSTEMS = Map.ofEntries(
            Map.entry("maven", new String[] {"maven", "maven"}), Map.entry("npm", new String[] {"npm", "npm"}),
            Map.entry("pypi", new String[] {"pypi", "pypi"}), Map.entry("debian", new String[] {"deb", "deb"}),
            Map.entry("ubuntu", new String[] {"deb", "deb"}), Map.entry("go", new String[] {"golang", "golang"}),
            Map.entry("rubygems", new String[] {"gem", "gem"}), Map.entry("nuget", new String[] {"nuget", "nuget"}),
            Map.entry("crates.io", new String[] {"cargo", "semver"}), Map.entry("packagist", new String[] {"composer", "semver"}),
            Map.entry("hex", new String[] {"hex", "semver"}), Map.entry("pub", new String[] {"pub", "semver"}),
            Map.entry("red hat", new String[] {"rpm", "rpm"}), Map.entry("almalinux", new String[] {"rpm", "rpm"}),
            Map.entry("rocky linux", new String[] {"rpm", "rpm"}));

    private OsvRecord() {
    }

    /** The record's OSV id, its aliases, and the advisory it describes. */
    record Imported(String osvId, List<String> aliases, AdvisoryDraft draft) {
    }

    static Imported read(JsonNode osv, String severity) {
        String id = text(osv, "id");
        if (id == null || osv.path("modified").isMissingNode()) {
            throw Problem.invalid("id", "An OSV record needs an id and a modified time");
        }
        List<String> aliases = new ArrayList<>();
        osv.path("aliases").forEach(a -> aliases.add(a.asText()));
        String summary = text(osv, "summary");
        String title = summary != null ? summary : aliases.isEmpty() ? id : id + " (" + String.join(", ", aliases) + ")";
        String details = text(osv, "details");
        List<AdvisoryDraft.AffectedDraft> affected = new ArrayList<>();
        JsonNode list = osv.path("affected");
        for (int i = 0; i < list.size(); i++) {
            affected.addAll(affected(list.get(i), "affected[" + i + "]"));
        }
        return new Imported(id, aliases, new AdvisoryDraft(title, severity(osv, severity), instant(osv), details == null ? summary : details,
                affected));
    }

    private static List<AdvisoryDraft.AffectedDraft> affected(JsonNode a, String at) {
        JsonNode pkg = a.path("package");
        String ecosystem = text(pkg, "ecosystem");
        String[] mapped = ecosystem == null ? null : ECOSYSTEMS.get(ecosystem.split(":", 2)[0].toLowerCase(Locale.ROOT));
        String purl = base(pkg, mapped, at);
        String scheme = mapped != null ? mapped[1] : schemeOfPurl(purl);
        List<AdvisoryDraft.AffectedDraft> out = new ArrayList<>();
        JsonNode ranges = a.path("ranges");
        for (int r = 0; r < ranges.size(); r++) {
            JsonNode range = ranges.get(r);
            String type = text(range, "type");
            if ("GIT".equals(type)) {
                continue;
            }
            String rangeScheme = "SEMVER".equals(type) ? "semver" : scheme;
            out.add(new AdvisoryDraft.AffectedDraft(purl, vers(rangeScheme, range.path("events"), at + ".ranges[" + r + "]")));
        }
        List<String> versions = new ArrayList<>();
        a.path("versions").forEach(v -> versions.add(v.asText()));
        if (!versions.isEmpty()) {
            out.add(new AdvisoryDraft.AffectedDraft(purl, VersionRanges.check(at + ".versions",
                    "vers:" + scheme + "/" + String.join("|", versions.stream().distinct().toList()))));
        }
        if (out.isEmpty()) {
            out.add(new AdvisoryDraft.AffectedDraft(purl, null));
        }
        return out;
    }

    /** The package's purl without version: given, or made from the ecosystem and name. */
    private static String base(JsonNode pkg, String[] mapped, String at) {
        String purl = text(pkg, "purl");
        if (purl != null) {
            Purls.Parsed p = Purls.parse(at + ".package.purl", purl);
            String canonical = p.purl();
            return p.version() == null ? canonical : canonical.substring(0, canonical.lastIndexOf('@'));
        }
        String name = text(pkg, "name");
        if (mapped == null || name == null) {
            throw Problem.invalid(at + ".package", "Give " + at + ".package a purl, or an ecosystem Upbeat knows and a name; got "
                    + pkg);
        }
        return switch (mapped[0]) {
            case "maven" -> "pkg:maven/" + name.replace(':', '/');
            case "deb" -> "pkg:deb/" + (text(pkg, "ecosystem").toLowerCase(Locale.ROOT).startsWith("ubuntu") ? "ubuntu" : "debian")
                    + "/" + name;
            case "rpm" -> "pkg:rpm/" + name;
            default -> "pkg:" + mapped[0] + "/" + (mapped[0].equals("npm") ? name.replace("@", "%40") : name);
        };
    }

    private static String vers(String scheme, JsonNode events, String at) {
        List<String> constraints = new ArrayList<>();
        for (JsonNode e : events) {
            if (e.has("introduced") && !e.get("introduced").asText().equals("0")) {
                constraints.add(">=" + e.get("introduced").asText());
            } else if (e.has("fixed")) {
                constraints.add("<" + e.get("fixed").asText());
            } else if (e.has("limit") && !e.get("limit").asText().equals("*")) {
                constraints.add("<" + e.get("limit").asText());
            } else if (e.has("last_affected")) {
                constraints.add("<=" + e.get("last_affected").asText());
            }
        }
        return constraints.isEmpty() ? "vers:" + scheme + "/*" : VersionRanges.check(at, "vers:" + scheme + "/" + String.join("|", constraints));
    }

    private static String schemeOfPurl(String purl) {
        String type = purl.substring("pkg:".length(), purl.indexOf('/'));
        return switch (type) {
            case "maven", "npm", "pypi", "deb", "golang", "rpm", "gem", "nuget" -> type;
            case "cargo", "composer", "hex", "pub" -> "semver";
            default -> "generic";
        };
    }

    /** The severity asked for, else the database's own word (GitHub's LOW, MODERATE, HIGH, CRITICAL). */
    private static String severity(JsonNode osv, String asked) {
        if (asked != null) {
            return asked;
        }
        String word = osv.path("database_specific").path("severity").asText("").toLowerCase(Locale.ROOT);
        if (word.equals("moderate")) {
            return "medium";
        }
        if (Severity.fromWire(word).isPresent()) {
            return word;
        }
        throw Problem.invalid("severity", "The OSV record gives no severity Upbeat can read (database_specific.severity); "
                + "add ?severity= with one of " + Severity.allowedValues());
    }

    private static Instant instant(JsonNode osv) {
        String published = text(osv, "published");
        try {
            return published == null ? null : Instant.parse(published);
        } catch (DateTimeParseException e) {
            throw Problem.invalid("published", "published must be an RFC 3339 time; got '" + published + "'");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }
}
