package dev.upbeat.status;

import dev.upbeat.component.Component;
import dev.upbeat.component.ComponentStatus;

/**
 * A shields.io-style flat badge: a grey label on the left, the status in words on the status's
 * colour on the right, with the whole text as its accessible name. The overall badge is labelled
 * with the page's name, so a badge copied into a README says whose status it is.
 */
public record Badge(String label, ComponentStatus status) {
    public static final String CONTENT_TYPE = "image/svg+xml";

    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final String HEIGHT = "20";
    private static final int PADDING_PX = 5;

    public static Badge overall(PublicStatus s) {
        return new Badge(s.page().name(), s.overall());
    }

    public static Badge of(Component c) {
        return new Badge(c.name(), c.status());
    }

    public String message() {
        return StatusRollup.words(status);
    }

    /** The one mapping from status to badge colour, in shields.io's palette. */
    static String colour(ComponentStatus status) {
        return switch (status) {
            case OPERATIONAL -> "#4c1";
            case UNDER_MAINTENANCE -> "#007ec6";
            case DEGRADED_PERFORMANCE -> "#dfb317";
            case PARTIAL_OUTAGE -> "#fe7d37";
            case MAJOR_OUTAGE -> "#e05d44";
        };
    }

    public byte[] svg() {
        // Measure what will be written: characters XML cannot carry are dropped from the text too.
        String left = XmlDocument.legal(label);
        String right = message();
        int leftWidth = boxWidth(left);
        int rightWidth = boxWidth(right);
        String spoken = left + ": " + right;
        XmlDocument svg = new XmlDocument("svg", SVG).attribute("width", px(leftWidth + rightWidth))
                .attribute("height", HEIGHT).attribute("role", "img").attribute("aria-label", spoken)
                .element("title", spoken);
        boxes(svg, leftWidth, rightWidth);
        svg.start("g").attribute("fill", "#fff").attribute("text-anchor", "middle")
                .attribute("font-family", "Verdana,Geneva,DejaVu Sans,sans-serif")
                .attribute("text-rendering", "geometricPrecision").attribute("font-size", "110");
        text(svg, left, 0, leftWidth);
        text(svg, right, leftWidth, rightWidth);
        return svg.finish();
    }

    /** The two coloured boxes with rounded corners and shields' slight gloss over both. */
    private void boxes(XmlDocument svg, int leftWidth, int rightWidth) {
        String total = px(leftWidth + rightWidth);
        svg.start("linearGradient").attribute("id", "s").attribute("x2", "0").attribute("y2", "100%")
                .empty("stop", "offset", "0", "stop-color", "#bbb", "stop-opacity", ".1")
                .empty("stop", "offset", "1", "stop-opacity", ".1")
                .end()
                .start("clipPath").attribute("id", "r")
                .empty("rect", "width", total, "height", HEIGHT, "rx", "3", "fill", "#fff")
                .end()
                .start("g").attribute("clip-path", "url(#r)")
                .empty("rect", "width", px(leftWidth), "height", HEIGHT, "fill", "#555")
                .empty("rect", "x", px(leftWidth), "width", px(rightWidth), "height", HEIGHT, "fill", colour(status))
                .empty("rect", "width", total, "height", HEIGHT, "fill", "url(#s)")
                .end();
    }

    private static String px(int value) {
        return Integer.toString(value);
    }

    private static int boxWidth(String text) {
        return (int) Math.ceil(TextWidth.verdana11(text)) + 2 * PADDING_PX;
    }

    /**
     * A text centred in its box, with the faint shadow shields draws under it. Coordinates are in
     * tenths of a pixel (scale(.1)) for finer placement; textLength pins the estimated width.
     */
    private static void text(XmlDocument svg, String text, int boxX, int boxWidth) {
        String x = px(boxX * 10 + boxWidth * 5);
        String length = px((boxWidth - 2 * PADDING_PX) * 10);
        svg.start("text").attribute("aria-hidden", "true").attribute("x", x).attribute("y", "150")
                .attribute("fill", "#010101").attribute("fill-opacity", ".3").attribute("transform", "scale(.1)")
                .attribute("textLength", length).text(text).end();
        svg.start("text").attribute("x", x).attribute("y", "140").attribute("transform", "scale(.1)")
                .attribute("textLength", length).text(text).end();
    }
}
