package dev.upbeat.branding;

import dev.upbeat.config.Branding;

/** How the public page presents itself right now: its name and its branding. */
public record Brand(String pageName, Branding branding) {
}
