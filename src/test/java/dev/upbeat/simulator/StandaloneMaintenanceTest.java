package dev.upbeat.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.testing.RawHttp;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code upbeat sim serve --maintenance} answers like api-maintenance-sim, which ignores method,
 * path, headers and body: even requests an HTTP server would normally refuse get the 503. Raw
 * sockets, so no client library normalises the request first.
 */
class StandaloneMaintenanceTest {
    static StandaloneMaintenance server;

    @BeforeAll
    static void start() throws Exception {
        server = StandaloneMaintenance.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void odd_and_hostile_paths_get_the_maintenance_answer_byte_for_byte() throws Exception {
        for (String path : List.of("/%2F", "/%2e%2e/x", "/..;/x", "/a%zz", "/a/../../x", "/%00", "//x", "/a%2", "*")) {
            assertMaintenance(RawHttp.send(server.port(), "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 5_000),
                    path);
        }
    }

    @Test
    void requests_the_server_cannot_take_still_get_the_maintenance_answer() throws Exception {
        int port = server.port();
        assertMaintenance(RawHttp.send(port, "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                5_000), "a long URI");
        assertMaintenance(RawHttp.send(port, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n", 5_000), "large headers");
        assertMaintenance(RawHttp.send(port, "BREW /pot HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 5_000), "an odd method");
        assertMaintenance(RawHttp.send(port, "GET / HTTP/1.1\r\nConnection: close\r\n\r\n", 5_000), "no Host");
    }

    private static void assertMaintenance(RawHttp.Exchange exchange, String what) {
        assertThat(exchange.text()).as(what).startsWith("HTTP/1.1 503 Service Unavailable\r\n")
                .contains("\r\nContent-Type: application/json\r\n");
        assertThat(exchange.body()).as(what).isEqualTo(CannedResponse.HEROKU_BODY);
    }
}
