package dev.upbeat.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.demo.SampleData;
import dev.upbeat.status.PublicStatus;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.TestUpbeat;
import dev.upbeat.web.Access;
import dev.upbeat.web.RouteTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A page view never touches the database: every public page and public API path of a serving
 * instance, with its path filled in and with the query strings they take, is answered while a
 * listener on every statement records those run on a request's call path (a frame of Jetty's server,
 * of Javalin or of the public-read fast path in front of it on the stack). Background work (the
 * snapshot timer, the outbox) may run meanwhile; it has no such frame.
 * Not among the reads: the subscriber's own links (confirm, manage, unsubscribe), which look up
 * their subscription, the admin sign-in form, and the live stream, which is held open.
 */
class PageViewsTouchNoDatabaseTest {
    private static final List<String> NOT_READS = List.of("/subscriptions/", "/admin/", "/events");

    @Test
    void every_public_page_and_api_path_is_served_without_a_statement() {
        try (TestUpbeat t = TestUpbeat.started(u -> new SampleData(u.upbeat, u.clock).load())) {
            List<String> fromRequests = new CopyOnWriteArrayList<>();
            t.upbeat.database().onStatement(sql -> {
                if (StackWalker.getInstance().walk(frames -> frames.anyMatch(PageViewsTouchNoDatabaseTest::servesARequest))) {
                    fromRequests.add(sql);
                }
            });
            List<String> paths = paths(t.upbeat.routes(), t.upbeat.snapshots().current());
            assertThat(paths).hasSizeGreaterThan(40);

            // A cache-buster is junk no description lists, so those reads go past the contract check.
            Http junk = Http.unchecked("http://127.0.0.1:" + t.upbeat.port());
            for (String path : paths) {
                Http.Response r = (path.contains("?cb=") ? junk : t.http).get(path);
                assertThat(r.status()).as(path).isIn(200, 404);
            }
            assertThat(t.http.get("/incidents/999999").status()).isEqualTo(404);
            assertThat(fromRequests).as("statements run while serving public reads").isEmpty();

            // The listener does see a request that needs the database: this test can fail.
            assertThat(t.http.post("/api/v1/components", "{\"name\":\"Search\"}").status()).isEqualTo(201);
            assertThat(fromRequests).isNotEmpty();
        }
    }

    private static boolean servesARequest(StackWalker.StackFrame frame) {
        String name = frame.getClassName();
        return name.startsWith("io.javalin.") || name.startsWith("org.eclipse.jetty.server.") || name.startsWith("dev.upbeat.web.PublicReads");
    }

    /** Every public GET route, path parameters filled from the snapshot, plus the queries the pages and APIs take. */
    private static List<String> paths(List<RouteTable.Route> routes, PublicStatus s) {
        String component = s.components().get(0).id();
        Map<String, String> ids = Map.of("components", component, "groups", s.groups().get(0).id(),
                "maintenance", Long.toString(s.maintenances().get(0).id()),
                "maintenances", Long.toString(s.maintenances().get(0).id()),
                "incidents", Long.toString(s.incidents().get(0).id()), "issues", Long.toString(s.incidents().get(0).id()));
        List<String> paths = new ArrayList<>();
        for (RouteTable.Route route : routes) {
            if (!route.method().equals("GET") || route.access() != Access.PUBLIC
                    || NOT_READS.stream().anyMatch(route.path()::startsWith)) {
                continue;
            }
            String[] parts = route.path().split("/");
            for (int i = 1; i < parts.length; i++) {
                if (parts[i].equals("{id}")) {
                    parts[i] = ids.get(parts[i - 1]);
                }
            }
            String path = String.join("/", parts);
            paths.add(path.isEmpty() ? "/" : path);
            paths.add((path.isEmpty() ? "/" : path) + "?cb=8f14e45f");
        }
        paths.addAll(List.of("/history?page=2", "/components/" + component + "/uptime?month=" + java.time.YearMonth.now().minusMonths(1),
                "/api/v1/incidents?status=resolved", "/api/v4/incidents?limit=5", "/api/v3/issues?limit=5"));
        return paths;
    }
}
