package dev.upbeat.web;

/**
 * The page a browser gets for an error, in the site's style with a way home: an HTML document in
 * UTF-8 for {@code status}, saying {@code message} (already in words for people).
 */
@FunctionalInterface
public interface ErrorPages {
    byte[] render(int status, String message);
}
