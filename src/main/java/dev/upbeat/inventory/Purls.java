package dev.upbeat.inventory;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.upbeat.problem.Problem;
import java.util.Locale;
import java.util.Set;

/**
 * Package URLs, parsed by packageurl-java and normalised for matching: qualifiers ({@code type=jar},
 * {@code arch}) and subpaths do not make another package, and the types whose names are
 * case-insensitive compare lower-cased (pypi also with {@code _} and {@code .} as {@code -}, PEP 503).
 * Generic names compare lower-cased too: no authority defines them, and generators disagree on
 * "OpenSSL" and "openssl".
 */
public final class Purls {
    private static final Set<String> CASE_INSENSITIVE = Set.of("npm", "pypi", "deb", "rpm", "apk", "github", "bitbucket",
            "composer", "hex", "generic", "gem", "nuget", "alpm", "cargo");

    private Purls() {
    }

    /** A purl read from a caller or a document; {@code field} names it in the refusal. */
    public record Parsed(PackageId id, String version, String purl) {
    }

    public static Parsed parse(String field, String purl) {
        if (purl == null || purl.isBlank()) {
            throw Problem.invalid(field, field + " is required: a Package URL such as pkg:generic/openssl@3.0.5");
        }
        try {
            PackageURL p = new PackageURL(purl.strip());
            return new Parsed(id(p.getType(), p.getNamespace(), p.getName()), p.getVersion(), p.canonicalize());
        } catch (MalformedPackageURLException e) {
            throw Problem.invalid(field, field + " is not a valid Package URL ('" + purl + "'): " + e.getMessage());
        }
    }

    /** The normalised identity of a package given by its parts (an OSV ecosystem and name, an SPDX package). */
    public static PackageId id(String type, String namespace, String name) {
        String t = type.toLowerCase(Locale.ROOT);
        String ns = namespace == null ? "" : namespace;
        String n = name;
        if (CASE_INSENSITIVE.contains(t)) {
            ns = ns.toLowerCase(Locale.ROOT);
            n = n.toLowerCase(Locale.ROOT);
        }
        if (t.equals("pypi")) {
            n = n.replaceAll("[-_.]+", "-");
        }
        return new PackageId(t, ns, n);
    }

    /** A purl for a package a document names but gives no purl for: matched as pkg:generic/NAME. */
    public static Parsed generic(String namespace, String name, String version) {
        try {
            PackageURL p = new PackageURL("generic", blankToNull(namespace), name, blankToNull(version), null, null);
            return new Parsed(id("generic", p.getNamespace(), p.getName()), p.getVersion(), p.canonicalize());
        } catch (MalformedPackageURLException e) {
            throw Problem.invalid("sbom", "Package '" + name + "' cannot be named by a Package URL: " + e.getMessage());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
