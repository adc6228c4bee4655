package dev.upbeat.status;

import java.util.Map;
import java.util.function.Function;

/**
 * The answers of a feature's public endpoints that take no parameters, made from one snapshot.
 * {@link StatusSnapshots} serialises them once per rebuild into {@link PublicStatus#rendered()},
 * so a read only copies bytes. Keys must be unique across all features; implementations must be
 * pure (no database, no clock: the snapshot carries the time).
 */
@FunctionalInterface
public interface FixedBodies {
    Map<String, Object> of(PublicStatus snapshot);

    /**
     * The same bodies, with any part made from a key equal to one the rebuild before used taken
     * from {@code parts} rather than made again: a feature listing many incidents makes only those
     * that changed. Made afresh unless a feature overrides it.
     */
    default Map<String, Object> of(PublicStatus snapshot, Parts parts) {
        return of(snapshot);
    }

    /**
     * Parts of bodies kept from one rebuild to the next; a key must hold everything its part is made
     * from. A key may hold an incident by identity rather than by value: a snapshot keeps an incident
     * that did not change as the same object from one rebuild to the next, and never changes one, so
     * the same object is the same value, known without hashing and comparing every update of it. An
     * incident read again is a new object, whose parts are made again even if it is equal.
     */
    interface Parts {
        /** Makes every part afresh. */
        Parts NONE = new Parts() {
            @Override
            public <K, V> V get(K key, Function<K, V> make) {
                return make.apply(key);
            }
        };

        /** {@code make} of {@code key}, or what it gave for an equal key in this rebuild or the one before. */
        <K, V> V get(K key, Function<K, V> make);
    }
}
