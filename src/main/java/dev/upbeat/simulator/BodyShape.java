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
}
