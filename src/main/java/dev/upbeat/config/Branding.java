package dev.upbeat.config;

import java.nio.file.Path;
import java.util.List;

/**
 * How the public page looks: its accent colour, an optional logo file served from Upbeat itself
 * (no third-party hosts), and links in the footer.
 */
public record Branding(String accentColor, Path logoFile, List<FooterLink> footerLinks) {

    /** A footer link, e.g. "Support" to https://example.com/support. */
    public record FooterLink(String label, String url) {
    }
}
