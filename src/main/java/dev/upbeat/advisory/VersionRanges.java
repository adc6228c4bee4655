package dev.upbeat.advisory;

import dev.upbeat.problem.Problem;
import io.github.nscuro.versatile.Vers;
import io.github.nscuro.versatile.VersException;
import io.github.nscuro.versatile.version.VersioningScheme;
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

    /** A parsed range, to test many versions against. */
    interface Range {
        Verdict contains(String version);
    }

    private VersionRanges() {
    }

    /** A range checked and in its canonical form (constraints sorted), or a refusal naming {@code field}. */
    static String check(String field, String vers) {
        if (scheme(field, vers).equals("pypi")) {
            return PypiRange.parse(field, vers.substring(vers.indexOf('/') + 1)).canonical();
        }
        Vers parsed = versatile(field, vers);
        return prefix(vers) + parsed.toString().substring(parsed.toString().indexOf('/') + 1);
    }

    /** A parsed range; {@code pypi} is compared in PEP 440 order, which versatile reads but cannot compare. */
    static Range parse(String field, String vers) {
        if (scheme(field, vers).equals("pypi")) {
            return PypiRange.parse(field, vers.substring(vers.indexOf('/') + 1));
        }
        Vers range = versatile(field, vers);
        return version -> contains(range, version);
    }

    private static Vers versatile(String field, String vers) {
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

    private static Verdict contains(Vers range, String version) {
        if (version == null || version.isBlank()) {
            return Verdict.CANNOT_TELL;
        }
        try {
            return range.contains(version) ? Verdict.IN : Verdict.OUT;
        } catch (VersException | IllegalArgumentException e) {
            return Verdict.CANNOT_TELL;
        }
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
