package dev.upbeat.component;

/**
 * Who answers for a component and how much it matters: the owner team and how to reach it, a
 * tier (1 most critical to 3) and an exposure. Every part is optional (null) until someone sets it;
 * triage treats an unknown tier or exposure as the more urgent case, never the calmer one.
 */
public record Ownership(String team, ContactChannel channel, String address, Integer tier, Exposure exposure) {
    public static final Ownership NONE = new Ownership(null, null, null, null, null);
    public static final int MOST_CRITICAL = 1;
    public static final int LEAST_CRITICAL = 3;

    public boolean hasOwner() {
        return team != null;
    }
}
