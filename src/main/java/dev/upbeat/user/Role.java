package dev.upbeat.user;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a signed-in person may do. Editors post incidents and maintenance; admins may do that and
 * also manage users, API tokens, components and subscribers, and read the audit log.
 */
public enum Role {
    EDITOR, ADMIN;

    /** Every wire name, alphabetically, for refusals. */
    public static final String VALUES = Arrays.stream(values()).map(Role::wire).sorted().collect(Collectors.joining(", "));

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWire(String value) {
        return Arrays.stream(values()).filter(r -> r.wire().equals(value)).findFirst();
    }

    /** True if this role includes everything {@code needed} allows. */
    public boolean covers(Role needed) {
        return this == ADMIN || this == needed;
    }
}
