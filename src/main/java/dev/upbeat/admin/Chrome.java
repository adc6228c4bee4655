package dev.upbeat.admin;

/**
 * What every admin page shows around its content: the page's name, who is signed in, the
 * anti-forgery token each form carries, and which navigation entry is current.
 */
public record Chrome(String title, String pageName, String email, boolean admin, String csrf, String current) {

    public String aria(String entry) {
        return entry.equals(current) ? "page" : null;
    }
}
