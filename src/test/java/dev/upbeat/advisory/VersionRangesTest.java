package dev.upbeat.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upbeat.advisory.VersionRanges.Verdict;
import dev.upbeat.problem.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Range edge cases per scheme: pre-releases, Maven qualifiers, Debian epochs and tildes. */
class VersionRangesTest {

    @ParameterizedTest(name = "{1} in {0}: {2}")
    @CsvSource(delimiter = ';', value = {
            "vers:generic/>=3.0.0|<3.0.7; 3.0.0; IN",
            "vers:generic/>=3.0.0|<3.0.7; 3.0.6; IN",
            "vers:generic/>=3.0.0|<3.0.7; 3.0.7; OUT",
            "vers:generic/>=3.0.0|<3.0.7; 1.1.1t; OUT",
            "vers:generic/*; anything-at-all; IN",
            // semver: a pre-release sorts before its release
            "vers:semver/<2.0.0; 2.0.0-rc.1; IN",
            "vers:semver/>=1.0.0; 1.0.0-beta.2; OUT",
            "vers:semver/>=1.0.0|<1.2.0; 1.1.9; IN",
            "vers:npm/>=17.0.0|<17.0.6; 17.0.0; IN",
            // Maven: qualifiers, the two-span jackson range, SNAPSHOT and .Final
            "vers:maven/<2.12.7.1|>=2.13.0|<2.13.4.1; 2.13.2; IN",
            "vers:maven/<2.12.7.1|>=2.13.0|<2.13.4.1; 2.13.4.1; OUT",
            "vers:maven/<2.12.7.1|>=2.13.0|<2.13.4.1; 2.12.7; IN",
            "vers:maven/<2.12.7.1|>=2.13.0|<2.13.4.1; 2.12.7.2; OUT",
            "vers:maven/>=2.13.0; 2.13.0-rc1; OUT",
            "vers:maven/<1.0; 1.0-SNAPSHOT; IN",
            "vers:maven/<1.0; 1.0-alpha-1; IN",
            "vers:maven/<1.0; 1.0.Final; OUT",
            // Debian: the epoch wins, ~ sorts before anything, the revision counts
            "vers:deb/<1:1.0; 2.0; IN",
            "vers:deb/>=1:1.0; 9.9; OUT",
            "vers:deb/<1.0; 1.0~rc1; IN",
            "vers:deb/<3.0.11-1; 3.0.11-1~deb12u2; IN",
            "vers:deb/<3.0.11-1; 3.0.11-1+deb12u1; OUT",
            // PyPI: PEP 440 order (dev < pre-releases < release < post-releases), normalised spellings
            "vers:pypi/<2.0; 2.0rc1; IN",
            "vers:pypi/<2.0; 2.0.dev3; IN",
            "vers:pypi/<2.0; 2.0.post1; OUT",
            "vers:pypi/>=2.0|<2.0.7; 2.0.6; IN",
            "vers:pypi/>=2.0|<2.0.7; 2.0-RC1; OUT",
            "vers:pypi/>=1.0a1|<1.0; 1.0b2; IN",
            "vers:pypi/<=1.0; 1.0.0+local.7; OUT",
            "vers:pypi/>=1!0.5; 2.0; OUT",
            "vers:pypi/1.4.2|1.4.3; 1.4.3; IN",
            "vers:pypi/*; 0.0.1; IN",
    })
    void versions_are_compared_in_their_schemes_order(String vers, String version, Verdict expected) {
        assertThat(VersionRanges.parse("vers", vers).contains(version)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {"vers:generic/<3.0.7; ", "vers:maven/<2.0; not a version at all!",
            "vers:pypi/<2.0; not-pep-440"})
    void a_missing_or_unreadable_version_cannot_be_told_and_so_is_never_out(String vers, String version) {
        assertThat(VersionRanges.parse("vers", vers).contains(version)).isNotEqualTo(Verdict.OUT);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {"vers:cobol/1.0", ">=1.0", "vers:maven/", "pkg:generic/a", "vers:pypi/<two"})
    void a_bad_range_is_refused_naming_the_field(String vers) {
        assertThatThrownBy(() -> VersionRanges.check("affected[0].vers", vers)).isInstanceOf(Problem.class)
                .hasMessageContaining("affected[0].vers");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {"vers:generic/<3.0.7|>=3.0.0; vers:generic/>=3.0.0|<3.0.7",
            "vers:semver/<2.0.0; vers:semver/<2.0.0", "vers:pypi/<2.0|>=1.0rc1; vers:pypi/>=1.0rc1|<2.0"})
    void ranges_are_stored_canonical_under_their_own_scheme_name(String vers, String canonical) {
        assertThat(VersionRanges.check("vers", vers)).isEqualTo(canonical);
    }
}
