package dev.upbeat.simulator;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Path globs: {@code *} is any run within a segment, {@code **} any run across segments, {@code ?}
 * one character; everything else stands for itself.
 *
 * <p>Request paths come from anyone who can reach a target's port, so matching must not backtrack:
 * a regular expression such as {@code /.*.*.*x} costs about n^k on a long path. Instead the glob is
 * run as a set of states (positions in the glob) over the path's characters: each character visits
 * each position at most twice, so time grows with path length times glob length, and globs are
 * short and set by whoever defines the fault.
 */
final class Glob {
    private static final Map<String, Glob> COMPILED = new ConcurrentHashMap<>();

    private static final int ONE = -1;
    private static final int STAR = -2;
    private static final int ANY_RUN = -3;

    /** One token per position: a code point to match literally, or ONE, STAR or ANY_RUN. */
    private final int[] tokens;

    private Glob(int[] tokens) {
        this.tokens = tokens;
    }

    static boolean matches(String glob, String path) {
        return COMPILED.computeIfAbsent(glob, Glob::compile).matches(path);
    }

    static Glob compile(String glob) {
        int[] codePoints = glob.codePoints().toArray();
        int[] tokens = new int[codePoints.length];
        int n = 0;
        for (int i = 0; i < codePoints.length; i++) {
            int c = codePoints[i];
            if (c == '*' && i + 1 < codePoints.length && codePoints[i + 1] == '*') {
                tokens[n++] = ANY_RUN;
                i++;
            } else if (c == '*') {
                tokens[n++] = STAR;
            } else if (c == '?') {
                tokens[n++] = ONE;
            } else {
                tokens[n++] = c;
            }
        }
        return new Glob(Arrays.copyOf(tokens, n));
    }

    boolean matches(String path) {
        return run(path).matched();
    }

    /** Whether the path matched, and how many (character, glob position) pairs were visited. */
    record Run(boolean matched, long steps) {
    }

    Run run(String path) {
        int m = tokens.length;
        // active[i]: the first i tokens can match the path read so far.
        boolean[] active = new boolean[m + 1];
        boolean[] next = new boolean[m + 1];
        active[0] = true;
        long steps = closeOverEmptyRuns(active);
        boolean any = true;
        for (int offset = 0; offset < path.length() && any; ) {
            int c = path.codePointAt(offset);
            offset += Character.charCount(c);
            Arrays.fill(next, false);
            any = false;
            for (int i = 0; i < m; i++) {
                steps++;
                if (!active[i]) {
                    continue;
                }
                int t = tokens[i];
                if (t == ANY_RUN || (t == STAR && c != '/')) {
                    next[i] = true;
                    any = true;
                } else if (t == c || (t == ONE && c != '/')) {
                    next[i + 1] = true;
                    any = true;
                }
            }
            steps += closeOverEmptyRuns(next);
            boolean[] swap = active;
            active = next;
            next = swap;
        }
        return new Run(active[m], steps);
    }

    /** A star may match nothing: wherever one is reachable, so is the position after it. */
    private long closeOverEmptyRuns(boolean[] states) {
        for (int i = 0; i < tokens.length; i++) {
            if (states[i] && (tokens[i] == STAR || tokens[i] == ANY_RUN)) {
                states[i + 1] = true;
            }
        }
        return tokens.length;
    }
}
