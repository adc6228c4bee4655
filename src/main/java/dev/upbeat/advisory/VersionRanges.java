package dev.upbeat.advisory;

import dev.upbeat.problem.Problem;
import io.github.nscuro.versatile.Comparator;
import io.github.nscuro.versatile.Vers;
import io.github.nscuro.versatile.VersException;
import io.github.nscuro.versatile.version.VersioningScheme;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Version ranges in the purl project's {@code vers} syntax, compared by versatile (the library
 * Dependency-Track uses) in each scheme's own order. {@code semver} is compared as npm does (node's
 * semver: pre-releases before the release), which versatile implements; versatile has no scheme of
 * that name.
 */
final class VersionRanges {
    /** The schemes accepted, and the versatile scheme that orders each. */
    private static final Map<String, VersioningScheme> SCHEMES = Map.of(
            "semver", VersioningScheme.NPM, "npm", VersioningScheme.NPM, "maven", VersioningScheme.MAVEN,
            "pypi", VersioningScheme.PYPI, "deb", VersioningScheme.DEB, "generic", VersioningScheme.GENERIC,
            "golang", VersioningScheme.GOLANG, "rpm", VersioningScheme.RPM, "gem", VersioningScheme.GEM,
            "nuget", VersioningScheme.NUGET);
    static final String ALLOWED = "deb, gem, generic, golang, maven, npm, nuget, pypi, rpm, semver";

    /** Whether a version is in a range, or that it cannot be told (no version, or one the scheme cannot read). */
    enum Verdict { IN, OUT, CANNOT_TELL }

    private VersionRanges() {
    }

    /** A range checked and in its canonical form (constraints sorted), or a refusal naming {@code field}. */
    static String check(String field, String vers) {
        Vers parsed = parse(field, vers);
        return prefix(vers) + parsed.toString().substring(parsed.toString().indexOf('/') + 1);
    }

    /** A parsed range to test many versions against; see {@link #contains}. */
    static Vers parse(String field, String vers) {
        String scheme = scheme(field, vers);
        VersioningScheme ordering = SCHEMES.get(scheme);
        if (ordering == null) {
            throw Problem.invalid(field, field + " has the scheme '" + scheme + "'; Upbeat compares " + ALLOWED);
        }
        try {
            Vers parsed = Vers.parse("vers:" + ordering.name().toLowerCase(Locale.ROOT) + vers.substring(vers.indexOf('/')));
            // Rebuilt, so the constraints are sorted and checked: the vers algorithm is only right on a sorted list.
            Vers.Builder sorted = Vers.builder(parsed.scheme());
            parsed.constraints().forEach(sorted::withConstraint);
            return sorted.build();
        } catch (VersException | IllegalArgumentException e) {
            throw Problem.invalid(field, field + " is not a valid vers range ('" + vers + "'): " + e.getMessage());
        }
    }

    static Verdict contains(Vers range, String version) {
        if (version == null || version.isBlank()) {
            return Verdict.CANNOT_TELL;
        }
        try {
            return range.contains(version) ? Verdict.IN : Verdict.OUT;
        } catch (VersException | IllegalArgumentException e) {
            return Verdict.CANNOT_TELL;
        }
    }

    /** A range of exactly these versions, as OSV's {@code versions} list gives them. */
    static String exactly(String scheme, List<String> versions) {
        Vers.Builder b = Vers.builder(ordering(scheme));
        versions.stream().distinct().forEach(v -> b.withConstraint(Comparator.EQUAL, v));
        return named(scheme, b.build());
    }

    static VersioningScheme ordering(String scheme) {
        return SCHEMES.getOrDefault(scheme, VersioningScheme.GENERIC);
    }

    /** The range written under our scheme name (semver stays semver though npm orders it). */
    static String named(String scheme, Vers vers) {
        String s = vers.toString();
        return "vers:" + scheme + s.substring(s.indexOf('/'));
    }

    private static String scheme(String field, String vers) {
        if (vers == null || !vers.startsWith("vers:") || vers.indexOf('/') < 0) {
            throw Problem.invalid(field, field + " must be written vers:SCHEME/CONSTRAINTS, e.g. vers:generic/>=3.0.0|<3.0.7; got '"
                    + vers + "'");
        }
        return vers.substring("vers:".length(), vers.indexOf('/')).toLowerCase(Locale.ROOT);
    }

    private static String prefix(String vers) {
        return "vers:" + scheme("vers", vers) + "/";
    }
}
