package dev.upbeat.notification;

/** A message for a component's owner team, already in words, and where it goes. */
public record OwnerNotice(long id, String address, String subject, String text) {

    Message message() {
        String html = "<!DOCTYPE html><html><body><h1>" + Composer.escape(subject) + "</h1><pre>" + Composer.escape(text)
                + "</pre></body></html>";
        return new Message(subject, text, html);
    }
}
