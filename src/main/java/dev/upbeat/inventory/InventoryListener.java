package dev.upbeat.inventory;

import dev.upbeat.storage.Tx;

/**
 * Told of every change to what components run or depend on, inside the change's transaction, so
 * what depends on inventories (the triage of advisories) commits with it or not at all.
 */
@FunctionalInterface
public interface InventoryListener {
    /** {@code actor} is who made the change (the API token's name, the admin user), for whatever it finishes. */
    void inventoryChanged(Tx tx, String componentId, String actor);
}
