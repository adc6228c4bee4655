package dev.upbeat.simulator;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every request on a target: plans the faults of the live simulation, waits the planned
 * delay, then forwards, makes up an answer, or breaks the connection. A request no fault touches
 * is forwarded by the selector that read it ({@link Upstream#async}: the common case, kept cheap,
 * without a hand-off or a wait); anything that would have a thread wait goes to a virtual thread,
 * where upstream reads, delays, pacing and hangs block nothing.
 */
final class FaultHandler extends Handler.Abstract {
    private static final Logger log = LoggerFactory.getLogger(FaultHandler.class);
    private static final java.util.concurrent.Executor BLOCKING = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    private final String target;
    private final Upstream upstream;
    private final CannedResponse unreachable;
    private final Supplier<String> statusPageUrl;
    private final Supplier<ActiveRun> live;
    private final ProxyMetrics metrics;

    FaultHandler(String target, Upstream upstream, Supplier<String> statusPageUrl, Supplier<ActiveRun> live, ProxyMetrics metrics) {
        super(InvocationType.NON_BLOCKING);
        this.target = target;
        this.upstream = upstream;
        this.statusPageUrl = statusPageUrl;
        this.live = live;
        this.metrics = metrics;
        this.unreachable = new CannedResponse(502, java.util.Map.of("Content-Type", "application/json"),
                ("{\"id\":\"bad_gateway\",\"message\":\"The upstream of " + target + " could not be reached, or its answer could not be passed on\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        ActiveRun current = live.get();
        ActiveRun run = current == null || current.expired() ? null : current;
        Plan plan = run == null ? Plan.PASS : run.planner().plan(
                new ProxiedRequest(request.getMethod(), request.getHttpURI().getPath(), request.getHeaders()::get),
                ThreadLocalRandom.current());
        if (run != null) {
            run.record(plan);
        }
        metrics.request(plan);
        if (plan.forwards() && plan.delay().isZero() && upstream != null
                && upstream.async(request, response, callback, begun -> BLOCKING.execute(() -> resume(request, response, callback, begun)))) {
            return true;
        }
        BLOCKING.execute(() -> slowly(request, response, callback, plan, run));
        return true;
    }

    /** Finishes on a virtual thread a forward a selector began but could not finish. */
    private void resume(Request request, Response response, Callback callback, Upstream.Begun begun) {
        try {
            normal(request, response, BodyShape.AS_IS, begun);
            callback.succeeded();
        } catch (Exception e) {
            callback.failed(e);
        }
    }

    private void slowly(Request request, Response response, Callback callback, Plan plan, ActiveRun run) {
        try {
            if (!plan.delay().isZero()) {
                SocketFaults.keepOpenFor(SocketFaults.endPoint(request), plan.delay());
                Thread.sleep(plan.delay());
            }
            answer(request, response, plan.outcome(), run);
            callback.succeeded();
        } catch (Exception e) {
            callback.failed(e);
        }
    }

    /**
     * The answer to a request Jetty refused before this handler (a path above the root, a bad
     * escape, a URI or headers over its limits): the live simulation's made-up answer if it has
     * one for it, maintenance on a target with no upstream (as api-maintenance-sim answers
     * anything), else a 4xx in the target's own shape, since such a request cannot be forwarded.
     */
    CannedResponse refusal(Request request, int status) {
        ActiveRun current = live.get();
        ActiveRun run = current == null || current.expired() ? null : current;
        String path = request.getHttpURI() == null || request.getHttpURI().getPath() == null ? "/" : request.getHttpURI().getPath();
        Plan plan = run == null ? Plan.PASS : run.planner().plan(new ProxiedRequest(request.getMethod(), path,
                request.getHeaders()::get), ThreadLocalRandom.current());
        if (run != null) {
            run.record(plan);
        }
        metrics.request(plan);
        return switch (plan.outcome()) {
            case MaintenanceFault m -> CannedResponse.maintenance(target, statusPageUrl.get(), m);
            case StatusFault s -> CannedResponse.status(s);
            case null, default -> upstream == null
                    ? CannedResponse.maintenance(target, statusPageUrl.get(), MaintenanceFault.always())
                    : new CannedResponse(status, java.util.Map.of("Content-Type", "application/json"),
                            ("{\"id\":\"bad_request\",\"message\":\"" + target + " could not read the request (HTTP " + status
                                    + "), so it was not forwarded\"}").getBytes(StandardCharsets.UTF_8));
        };
    }

    private void answer(Request request, Response response, Fault outcome, ActiveRun run) throws Exception {
        // No default: a new fault type must be given its answer here before the code compiles.
        switch (outcome) {
            case null -> normal(request, response, BodyShape.AS_IS, null);
            case MaintenanceFault m -> canned(request, response, CannedResponse.maintenance(target, statusPageUrl.get(), m), BodyShape.AS_IS);
            case StatusFault s -> canned(request, response, CannedResponse.status(s), BodyShape.AS_IS);
            case SlowBodyFault s -> normal(request, response, new BodyShape.Paced(s.bytesPerSecond()), null);
            case TruncateFault t -> normal(request, response, new BodyShape.Cut(t.afterBytes()), null);
            case TimeoutFault t -> SocketFaults.hang(request, t.max(), () -> live.get() == run);
            case ResetFault r -> SocketFaults.reset(request);
            case EmptyResponseFault e -> SocketFaults.close(request);
            case MalformedResponseFault m -> SocketFaults.malformed(request);
            case LatencyFault l -> throw new IllegalStateException("latency is a delay, never an outcome");
        }
    }

    /** The answer with no fault (or only a body fault): the upstream's, or maintenance when there is none. */
    private void normal(Request request, Response response, BodyShape shape, Upstream.Begun begun) throws Exception {
        if (upstream == null) {
            canned(request, response, CannedResponse.maintenance(target, statusPageUrl.get(), MaintenanceFault.always()), shape);
            return;
        }
        try {
            upstream.forward(request, response, new BodyWriter(request, response, shape), begun);
        } catch (java.io.IOException e) {
            if (response.isCommitted()) {
                throw e;
            }
            log.debug("Upstream of {} unreachable", target, e);
            response.reset();
            canned(request, response, unreachable, BodyShape.AS_IS);
        }
    }

    private static void canned(Request request, Response response, CannedResponse answer, BodyShape shape) throws Exception {
        response.setStatus(answer.status());
        answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
        BodyWriter body = new BodyWriter(request, response, shape);
        if (!"HEAD".equals(request.getMethod()) && answer.body().length > 0) {
            if (!body.write(answer.body(), 0, answer.body().length)) {
                return;
            }
        }
        body.finish();
    }
}
