package dev.upbeat.advisory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an action item stands; {@code done} and {@code wont_fix} finish it ({@code wont_fix} says why). */
public enum ActionState {
    OPEN, IN_PROGRESS, DONE, WONT_FIX;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ActionState> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
    }

    public static String allowedValues() {
        return String.join(", ", Arrays.stream(values()).map(ActionState::wire).toList());
    }

    public boolean finished() {
        return this == DONE || this == WONT_FIX;
    }
}
