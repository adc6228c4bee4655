package dev.upbeat.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Fault path globs, and the promise that a hostile path cannot make matching expensive. */
class GlobTest {
    private static final String HOSTILE = "/**/**/**/**/**/**/x";

    @Test
    void a_star_stays_within_one_segment_and_a_double_star_crosses_them() {
        assertThat(Glob.matches("/apps/*", "/apps/web")).isTrue();
        assertThat(Glob.matches("/apps/*", "/apps/")).isTrue();
        assertThat(Glob.matches("/apps/*", "/apps/web/dynos")).isFalse();
        assertThat(Glob.matches("/apps/*/dynos", "/apps/web/dynos")).isTrue();
        assertThat(Glob.matches("/apps/**", "/apps/web/dynos/1")).isTrue();
        assertThat(Glob.matches("/apps/**", "/apps/")).isTrue();
        assertThat(Glob.matches("/apps/**", "/apps")).isFalse();
        assertThat(Glob.matches("/**.json", "/a/b/c.json")).isTrue();
        assertThat(Glob.matches("/**/status", "/v1/status")).isTrue();
        assertThat(Glob.matches("/**/status", "/status")).isFalse();
    }

    @Test
    void a_question_mark_is_one_character_but_never_a_slash() {
        assertThat(Glob.matches("/v?/status", "/v2/status")).isTrue();
        assertThat(Glob.matches("/v?/status", "/v/status")).isFalse();
        assertThat(Glob.matches("/v?/status", "/v22/status")).isFalse();
        assertThat(Glob.matches("/a?b", "/a/b")).isFalse();
        assertThat(Glob.matches("/caf?", "/caf\uD83D\uDE00")).as("one code point, not one char").isTrue();
    }

    @Test
    void everything_else_is_literal_and_the_whole_path_must_match() {
        assertThat(Glob.matches("/a.b", "/a.b")).isTrue();
        assertThat(Glob.matches("/a.b", "/axb")).isFalse();
        assertThat(Glob.matches("/a+(b)[c]$", "/a+(b)[c]$")).isTrue();
        assertThat(Glob.matches("/apps", "/apps/web")).isFalse();
        assertThat(Glob.matches("/apps", "/app")).isFalse();
        assertThat(Glob.matches("/", "")).isFalse();
    }

    /** The translation to a regular expression that Glob used before; slow on hostile input, fine on small. */
    private static boolean byRegex(String glob, String path) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString()).matcher(path).matches();
    }

    @Test
    void matching_agrees_with_the_regular_expression_it_stands_for_on_every_small_case() {
        Random random = new Random(6238);
        for (int i = 0; i < 20_000; i++) {
            String glob = "/" + randomText(random, "ab/*?", 7);
            String path = "/" + randomText(random, "ab/", 9);
            if (Glob.compile(glob).matches(path) != byRegex(glob, path)) {
                assertThat(Glob.compile(glob).matches(path)).as("%s against %s", glob, path).isEqualTo(byRegex(glob, path));
            }
        }
    }

    @Test
    void a_hostile_glob_costs_steps_in_proportion_to_the_path_not_a_power_of_it() {
        Glob glob = Glob.compile(HOSTILE);
        for (int segments : new int[] {50, 5_000}) {
            for (boolean endsInX : new boolean[] {false, true}) {
                String path = "/a".repeat(segments - 1) + (endsInX ? "/x" : "/a");
                Glob.Run run = glob.run(path);
                assertThat(run.matched()).as("%d segments, last one x: %s", segments, endsInX).isEqualTo(endsInX);
                // At most two visits per (character, glob position) pair; backtracking needs about n^6.
                long bound = 2L * (path.length() + 1) * (HOSTILE.length() + 1);
                assertThat(run.steps()).as("steps for %d segments", segments).isLessThanOrEqualTo(bound);
            }
        }
    }

    @Test
    void a_hostile_glob_against_five_thousand_segments_answers_long_before_backtracking_would() {
        String path = "/a".repeat(5_000);
        long start = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            assertThat(Glob.matches(HOSTILE, path)).isFalse();
        }
        // A generous bound, not a speed target: the old regex needed 0.28 s for 50 segments.
        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds for ten matches").isLessThan(2_000);
    }

    private static String randomText(Random random, String alphabet, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(maxLength + 1); n > 0; n--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
