package dev.upbeat.config;

import java.nio.file.Path;
import java.util.List;

/**
 * How the public page looks: its accent colour, an optional logo file served from Upbeat itself
 * (no third-party hosts), and links in the footer.
 */
public record Branding(String accentColor, Path logoFile, List<FooterLink> footerLinks) {

    /** The colour in lower case, or IllegalArgumentException when it is not #rrggbb. */
    public static String color(String value) {
        if (value == null || !value.strip().matches("#[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("not a #rrggbb colour");
        }
        return value.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** Links written as comma- or newline-separated {@code Label=https://url} (or {@code Label=/path}) pairs. */
    public static List<FooterLink> footerLinks(String value) {
        List<FooterLink> links = new java.util.ArrayList<>();
        for (String pair : value.split("[,\\n]")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.split("=", 2);
            if (parts.length != 2 || parts[0].isBlank() || !parts[1].strip().matches("(https?://|/)\\S+")) {
                throw new IllegalArgumentException("bad link '" + pair.strip() + "'");
            }
            links.add(new FooterLink(parts[0].strip(), parts[1].strip()));
        }
        return List.copyOf(links);
    }

    /** The links written back in the form {@link #footerLinks(String)} reads. */
    public static String write(List<FooterLink> links) {
        return String.join("\n", links.stream().map(l -> l.label() + "=" + l.url()).toList());
    }

    public Branding withAccentColor(String color) {
        return new Branding(color, logoFile, footerLinks);
    }

    public Branding withFooterLinks(List<FooterLink> links) {
        return new Branding(accentColor, logoFile, links);
    }

    /** A footer link, e.g. "Support" to https://example.com/support. */
    public record FooterLink(String label, String url) {
    }
}
