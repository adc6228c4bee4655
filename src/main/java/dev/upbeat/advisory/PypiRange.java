package dev.upbeat.advisory;

import dev.upbeat.problem.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@code vers:pypi/...} range, compared in PEP 440 order ({@link Pep440Version}) by the vers
 * specification's own containment algorithm: equalities first, then the first {@code <}/{@code <=},
 * the last {@code >}/{@code >=}, and each {@code >=}..{@code <} pair as a span.
 */
final class PypiRange implements VersionRanges.Range {
    private record Constraint(String comparator, String text, Pep440Version version) {
        boolean holds(Pep440Version v) {
            int c = v.compareTo(version);
            return switch (comparator) {
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                case "!=" -> c != 0;
                default -> c == 0;
            };
        }

        boolean lower() {
            return comparator.startsWith(">");
        }

        boolean upper() {
            return comparator.startsWith("<");
        }

        @Override
        public String toString() {
            return (comparator.equals("=") ? "" : comparator) + text;
        }
    }

    private final boolean everything;
    private final List<Constraint> constraints;

    private PypiRange(boolean everything, List<Constraint> constraints) {
        this.everything = everything;
        this.constraints = constraints;
    }

    static PypiRange parse(String field, String body) {
        if (body.strip().equals("*")) {
            return new PypiRange(true, List.of());
        }
        List<Constraint> list = new ArrayList<>();
        for (String raw : body.split("\\|")) {
            String c = raw.strip();
            String comparator = c.startsWith(">=") || c.startsWith("<=") || c.startsWith("!=") ? c.substring(0, 2)
                    : c.startsWith(">") || c.startsWith("<") || c.startsWith("=") ? c.substring(0, 1) : "=";
            String text = c.substring(comparator.equals("=") && !c.startsWith("=") ? 0 : comparator.length()).strip();
            Pep440Version v = Pep440Version.parse(text).orElseThrow(() -> Problem.invalid(field,
                    field + " has '" + text + "', which is not a PEP 440 version"));
            list.add(new Constraint(comparator, text, v));
        }
        list.sort(Comparator.comparing(Constraint::version));
        return new PypiRange(false, List.copyOf(list));
    }

    String canonical() {
        return "vers:pypi/" + (everything ? "*" : constraints.stream().map(Constraint::toString).collect(Collectors.joining("|")));
    }

    @Override
    public VersionRanges.Verdict contains(String version) {
        if (version == null || version.isBlank()) {
            return VersionRanges.Verdict.CANNOT_TELL;
        }
        if (everything) {
            return VersionRanges.Verdict.IN;
        }
        Pep440Version v = Pep440Version.parse(version).orElse(null);
        if (v == null) {
            return VersionRanges.Verdict.CANNOT_TELL;
        }
        return in(v) ? VersionRanges.Verdict.IN : VersionRanges.Verdict.OUT;
    }

    private boolean in(Pep440Version v) {
        for (Constraint c : constraints) {
            if (c.comparator().equals("=") && c.holds(v)) {
                return true;
            }
            if (c.comparator().equals("!=") && !c.holds(v)) {
                return false;
            }
        }
        List<Constraint> spans = constraints.stream().filter(c -> c.lower() || c.upper()).toList();
        if (spans.isEmpty()) {
            return false;
        }
        if (spans.get(0).upper() && spans.get(0).holds(v)) {
            return true;
        }
        if (spans.get(spans.size() - 1).lower() && spans.get(spans.size() - 1).holds(v)) {
            return true;
        }
        for (int i = 0; i + 1 < spans.size(); i++) {
            Constraint from = spans.get(i);
            Constraint to = spans.get(i + 1);
            if (from.lower() && to.upper() && from.holds(v) && to.holds(v)) {
                return true;
            }
        }
        return false;
    }
}
