package dev.upbeat.config;

/**
 * How much of each outage second counts as downtime: a major outage usually counts fully, a
 * partial outage only in part. Degraded performance and maintenance always count as up.
 */
public record UptimeWeights(double major, double partial) {

    public static final UptimeWeights DEFAULT = new UptimeWeights(1.0, 0.3);

    public UptimeWeights {
        requireFraction("major", major);
        requireFraction("partial", partial);
    }

    private static void requireFraction(String field, double value) {
        // Written as a negated range check so that NaN is rejected too.
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(field + " weight must be in [0, 1], was " + value);
        }
    }
}
