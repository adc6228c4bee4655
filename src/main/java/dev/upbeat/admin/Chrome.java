package dev.upbeat.admin;

/**
 * What every admin page shows around its content: the page's name, who is signed in, the
 * anti-forgery token each form carries, and which navigation entry is current.
 */
public record Chrome(String title, String pageName, String email, boolean admin, String csrf, String current) {

    /** The entries under "More" in the navigation, so it fits on one line. */
    private static final java.util.Set<String> MORE = java.util.Set.of("subscribers", "tokens", "users", "audit", "settings");

    public String aria(String entry) {
        return entry.equals(current) ? "page" : null;
    }

    /** Whether the current page is one of the entries under "More" (which then shows as current). */
    public boolean inMore() {
        return MORE.contains(current);
    }
}
