package dev.upbeat.simulator;

/**
 * How the body of an otherwise normal answer is delivered: as it comes, at a set rate, or cut
 * after a number of bytes.
 */
sealed interface BodyShape {
    BodyShape AS_IS = new AsIs();

    record AsIs() implements BodyShape {
    }

    record Paced(long bytesPerSecond) implements BodyShape {
    }

    record Cut(long afterBytes) implements BodyShape {
    }

    static BodyShape of(Fault outcome) {
        return switch (outcome) {
            case SlowBodyFault s -> new Paced(s.bytesPerSecond());
            case TruncateFault t -> new Cut(t.afterBytes());
            case null, default -> AS_IS;
        };
    }
}
