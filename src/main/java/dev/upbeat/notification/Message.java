package dev.upbeat.notification;

/** A message in words: a subject, a plain-text body, and (for email) an HTML body. */
public record Message(String subject, String text, String html) {
}
