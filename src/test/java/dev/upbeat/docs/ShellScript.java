package dev.upbeat.docs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Just enough of the shell to read the examples in the docs: words, single and double quotes,
 * {@code $VAR} and {@code ${VAR}}, a backslash before a newline, and comments. One command per
 * line (continued lines joined); pipes, {@code &&} and substitutions are not examples we write.
 */
final class ShellScript {
    /** One command: its words, the line it starts on, its trailing comment, and variables it used but nobody set. */
    record Command(List<String> words, int line, String comment, Set<String> unset) {
        boolean isAssignment() {
            return !words.isEmpty() && words.stream().allMatch(w -> w.matches("[A-Za-z_][A-Za-z0-9_]*=.*"));
        }
    }

    private final String text;
    private final int firstLine;
    private int pos;
    private int line;

    ShellScript(String text, int firstLine) {
        this.text = text;
        this.firstLine = firstLine;
    }

    /** The next command, expanded with {@code vars} as they are now, or null at the end. */
    Command next(Map<String, String> vars) {
        List<String> words = new ArrayList<>();
        Set<String> unset = new LinkedHashSet<>();
        StringBuilder word = null;
        String comment = "";
        int start = -1;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                if (word != null || !words.isEmpty()) {
                    break;
                }
                continue;
            }
            if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
                pos += 2;
                line++;
                continue;
            }
            if (start < 0 && !Character.isWhitespace(c)) {
                start = firstLine + line;
            }
            if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                pos++;
            } else if (c == '#' && word == null) {
                int end = text.indexOf('\n', pos);
                end = end < 0 ? text.length() : end;
                comment = text.substring(pos + 1, end).strip();
                pos = end;
            } else {
                word = word == null ? new StringBuilder() : word;
                readWordPart(word, vars, unset);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words.isEmpty() ? null : new Command(words, start, comment, unset);
    }

    private void readWordPart(StringBuilder word, Map<String, String> vars, Set<String> unset) {
        char c = text.charAt(pos);
        if (c == '\'') {
            int end = text.indexOf('\'', pos + 1);
            word.append(text, pos + 1, end);
            line += count(text.substring(pos, end));
            pos = end + 1;
        } else if (c == '"') {
            pos++;
            while (text.charAt(pos) != '"') {
                char d = text.charAt(pos);
                if (d == '\\' && "\"$\\`".indexOf(text.charAt(pos + 1)) >= 0) {
                    word.append(text.charAt(pos + 1));
                    pos += 2;
                } else if (d == '$') {
                    word.append(variable(vars, unset));
                } else {
                    line += d == '\n' ? 1 : 0;
                    word.append(d);
                    pos++;
                }
            }
            pos++;
        } else if (c == '$') {
            word.append(variable(vars, unset));
        } else if (c == '\\') {
            word.append(text.charAt(pos + 1));
            pos += 2;
        } else {
            word.append(c);
            pos++;
        }
    }

    private String variable(Map<String, String> vars, Set<String> unset) {
        int from = pos + 1;
        boolean braced = from < text.length() && text.charAt(from) == '{';
        int end = braced ? from + 1 : from;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
            end++;
        }
        String name = text.substring(braced ? from + 1 : from, end);
        pos = braced ? end + 1 : end;
        if (name.isEmpty()) {
            return "$";
        }
        if (!vars.containsKey(name)) {
            unset.add(name);
        }
        return vars.getOrDefault(name, "");
    }

    private static int count(String s) {
        return (int) s.chars().filter(ch -> ch == '\n').count();
    }
}
