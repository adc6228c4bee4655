package dev.upbeat.site;

import java.util.Locale;

/**
 * Text colours derived from the brand's accent that stay readable (WCAG AA, 4.5:1) on the page's
 * backgrounds in both themes: the accent itself when it already is, otherwise the accent moved
 * towards black (light theme) or white (dark theme) just far enough. So any accent an admin
 * picks keeps links legible, and the hue stays the brand's.
 */
final class Contrast {
    static final double AA_TEXT = 4.5;

    private Contrast() {
    }

    /** {@code accent} (#rrggbb) adjusted until it reads at AA on every one of {@code backgrounds}. */
    static String readableOn(String accent, String mixWith, String... backgrounds) {
        int[] from = rgb(accent);
        int[] to = rgb(mixWith);
        for (int step = 0; step <= 20; step++) {
            int[] mixed = mix(from, to, step / 20.0);
            if (worstRatio(mixed, backgrounds) >= AA_TEXT) {
                return hex(mixed);
            }
        }
        return mixWith;
    }

    /** The WCAG contrast ratio of two #rrggbb colours, 1 to 21. */
    static double ratio(String a, String b) {
        return ratio(rgb(a), rgb(b));
    }

    private static double worstRatio(int[] colour, String... backgrounds) {
        double worst = Double.MAX_VALUE;
        for (String background : backgrounds) {
            worst = Math.min(worst, ratio(colour, rgb(background)));
        }
        return worst;
    }

    private static double ratio(int[] a, int[] b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(int[] rgb) {
        return 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static int[] mix(int[] a, int[] b, double t) {
        return new int[] {mixed(a[0], b[0], t), mixed(a[1], b[1], t), mixed(a[2], b[2], t)};
    }

    private static int mixed(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }

    private static int[] rgb(String hex) {
        int v = Integer.parseInt(hex.substring(1), 16);
        return new int[] {(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff};
    }

    private static String hex(int[] rgb) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
    }
}
