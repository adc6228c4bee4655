package dev.upbeat.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Decides per request which faults apply, in the order they were given: every applicable
 * {@code latency} adds its delay, and the first other applicable fault decides the answer.
 * Each fault's percentage is rolled per request (not per connection, unlike Toxiproxy), so
 * keep-alive clients see the advertised share. Pure: the random source is passed in, and seeded
 * in tests.
 */
public final class FaultPlanner {
    private final List<Fault> faults;

    public FaultPlanner(List<Fault> faults) {
        this.faults = List.copyOf(faults);
    }

    public Plan plan(ProxiedRequest request, RandomGenerator random) {
        Duration delay = Duration.ZERO;
        Fault outcome = null;
        List<String> injected = new ArrayList<>(2);
        for (Fault f : faults) {
            if (f instanceof LatencyFault l) {
                if (applies(l, request, random)) {
                    delay = delay.plus(l.draw(random));
                    injected.add(l.type());
                }
            } else if (outcome == null && applies(f, request, random)) {
                outcome = f;
                injected.add(f.type());
            }
        }
        return injected.isEmpty() ? Plan.PASS : new Plan(delay, outcome, List.copyOf(injected));
    }

    private static boolean applies(Fault f, ProxiedRequest request, RandomGenerator random) {
        if (!f.match().test(request)) {
            return false;
        }
        double p = f.percentage();
        return p >= 100 || (p > 0 && random.nextDouble() * 100 < p);
    }
}
