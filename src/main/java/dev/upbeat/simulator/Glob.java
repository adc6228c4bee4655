package dev.upbeat.simulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Path globs: {@code *} is any run within a segment, {@code **} any run across segments, {@code ?} one character. */
final class Glob {
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private Glob() {
    }

    static boolean matches(String glob, String path) {
        return COMPILED.computeIfAbsent(glob, Glob::compile).matcher(path).matches();
    }

    static Pattern compile(String glob) {
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
        return Pattern.compile(regex.toString());
    }
}
