package dev.upbeat.simulator;

import dev.upbeat.problem.Problem;
import java.time.Duration;

/** Parameter checks shared by the faults, each refusing with the field named. */
final class FaultChecks {
    private FaultChecks() {
    }

    static void percentage(String prefix, Double value) {
        if (!(value >= 0 && value <= 100)) {
            throw Problem.invalid(prefix + ".percentage", prefix + ".percentage must be from 0 to 100; got " + value);
        }
    }

    static void positive(String field, long value) {
        if (value <= 0) {
            throw Problem.invalid(field, field + " must be a positive number; got " + value);
        }
    }

    static void status(String field, int value) {
        if (value < 200 || value > 599) {
            throw Problem.invalid(field, field + " must be an HTTP status from 200 to 599; got " + value);
        }
    }

    /** A duration that is not negative and at most {@code max}; null passes (it means the default). */
    static void duration(String field, Duration value, Duration max) {
        if (value != null && (value.isNegative() || value.compareTo(max) > 0)) {
            throw Problem.invalid(field, field + " must be an ISO 8601 duration from PT0S to " + max + "; got " + value);
        }
    }

    static double percentageOrAll(Double value) {
        return value == null ? 100 : value;
    }

    static Match matchOrAny(Match match) {
        return match == null ? Match.ANY : match;
    }
}
