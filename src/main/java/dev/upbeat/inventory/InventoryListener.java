package dev.upbeat.inventory;

import dev.upbeat.storage.Tx;

/**
 * Told of every change to what components run or depend on, inside the change's transaction, so
 * what depends on inventories (the triage of advisories) commits with it or not at all.
 */
@FunctionalInterface
public interface InventoryListener {
    void inventoryChanged(Tx tx, String componentId);
}
