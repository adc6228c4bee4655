package dev.upbeat.advisory;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python package version ordered as PEP 440 says, for the {@code pypi} scheme, which the range
 * library we use reads but cannot compare. The pattern is PEP 440's own (its appendix), and the
 * order is that of the reference implementation ({@code packaging.version}): epoch, release without
 * trailing zeros, then a dev-only release before pre-releases before the release before
 * post-releases, a dev release before what it leads to, and a local version after the public one.
 */
final class Pep440Version implements Comparable<Pep440Version> {
    private static final Pattern FORM = Pattern.compile("""
            v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\\.[0-9]+)*)\
            (?<pre>[-_.]?(?<prel>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<pren>[0-9]+)?)?\
            (?<post>(?:-(?<postn1>[0-9]+))|(?:[-_.]?(?<postl>post|rev|r)[-_.]?(?<postn2>[0-9]+)?))?\
            (?<dev>[-_.]?dev[-_.]?(?<devn>[0-9]+)?)?\
            (?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?""");
    /** Below and above every number, for the parts a version lacks. */
    private static final BigInteger LOW = BigInteger.valueOf(-1);
    private static final BigInteger HIGH = BigInteger.valueOf(Long.MAX_VALUE);

    private final BigInteger epoch;
    private final List<BigInteger> release;
    private final int preKind;
    private final BigInteger pre;
    private final BigInteger post;
    private final BigInteger dev;
    private final String local;

    private Pep440Version(Matcher m) {
        epoch = number(m.group("epoch"), BigInteger.ZERO);
        List<BigInteger> parts = new ArrayList<>();
        for (String p : m.group("release").split("\\.")) {
            parts.add(new BigInteger(p));
        }
        while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
            parts.remove(parts.size() - 1);
        }
        release = parts;
        boolean hasPre = m.group("pre") != null;
        boolean hasPost = m.group("post") != null;
        boolean hasDev = m.group("dev") != null;
        // kind: -1 a dev-only release (before its pre-releases), 0 a, 1 b, 2 rc, 3 none (the release)
        preKind = hasPre ? preKind(m.group("prel")) : !hasPost && hasDev ? -1 : 3;
        pre = hasPre ? number(m.group("pren"), BigInteger.ZERO) : BigInteger.ZERO;
        post = hasPost ? number(m.group("postn1") != null ? m.group("postn1") : m.group("postn2"), BigInteger.ZERO) : LOW;
        dev = hasDev ? number(m.group("devn"), BigInteger.ZERO) : HIGH;
        local = m.group("local");
    }

    static Optional<Pep440Version> parse(String version) {
        Matcher m = FORM.matcher(version.strip().toLowerCase(Locale.ROOT));
        return m.matches() ? Optional.of(new Pep440Version(m)) : Optional.empty();
    }

    @Override
    public int compareTo(Pep440Version o) {
        int c = epoch.compareTo(o.epoch);
        for (int i = 0; c == 0 && i < Math.max(release.size(), o.release.size()); i++) {
            c = part(release, i).compareTo(part(o.release, i));
        }
        if (c == 0) {
            c = Integer.compare(preKind, o.preKind);
        }
        if (c == 0) {
            c = pre.compareTo(o.pre);
        }
        if (c == 0) {
            c = post.compareTo(o.post);
        }
        if (c == 0) {
            c = dev.compareTo(o.dev);
        }
        return c != 0 ? c : compareLocal(local, o.local);
    }

    private static BigInteger part(List<BigInteger> release, int i) {
        return i < release.size() ? release.get(i) : BigInteger.ZERO;
    }

    /** No local part first; then segment by segment, numbers after words, shorter first. */
    private static int compareLocal(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        String[] x = a.split("[-_.]");
        String[] y = b.split("[-_.]");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean xn = x[i].matches("[0-9]+");
            boolean yn = y[i].matches("[0-9]+");
            int c = xn && yn ? new BigInteger(x[i]).compareTo(new BigInteger(y[i]))
                    : xn != yn ? (xn ? 1 : -1) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static int preKind(String label) {
        return switch (label) {
            case "a", "alpha" -> 0;
            case "b", "beta" -> 1;
            default -> 2; // c, rc, pre, preview
        };
    }

    private static BigInteger number(String digits, BigInteger absent) {
        return digits == null ? absent : new BigInteger(digits);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pep440Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return epoch.hashCode() * 31 + release.hashCode();
    }
}
