package dev.upbeat.simulator.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upbeat.testing.TestDatabases;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real PostgreSQL (the embedded one) reached through JDBC behind a TCP proxy, broken through the Toxiproxy client. */
class PostgresThroughProxyTest {
    private TcpProxies proxies;
    private ToxiproxyApi api;
    private Proxy proxy;
    private String database;

    @BeforeEach
    void start() throws Exception {
        URI postgres = URI.create(TestDatabases.postgresql());
        database = postgres.getPath();
        proxies = new TcpProxies(new Random(7));
        api = ToxiproxyApi.start(proxies, "127.0.0.1", 0);
        proxy = new ToxiproxyClient("127.0.0.1", api.port()).createProxy("postgres", "127.0.0.1:0",
                "localhost:" + postgres.getPort());
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
        proxies.close();
    }

    @Test
    void a_query_waits_for_the_latency_and_fails_once_the_proxy_is_disabled() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + proxy.getListen() + database, "postgres", "postgres");
                Statement st = c.createStatement()) {
            assertThat(selectOne(st)).isEqualTo(1);
            proxy.toxics().latency("latency", ToxicDirection.DOWNSTREAM, 100);

            List<Double> rounds = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                assertThat(selectOne(st)).isEqualTo(1);
                rounds.add((System.nanoTime() - start) / 1e6);
            }
            assertThat(rounds).allSatisfy(ms -> assertThat(ms).isGreaterThanOrEqualTo(100.0));
            assertThat(rounds.stream().mapToDouble(Double::doubleValue).min().orElseThrow()).as("one round trip per query")
                    .isBetween(100.0, 110.0);

            proxy.disable();
            assertThatThrownBy(() -> selectOne(st)).isInstanceOf(SQLException.class);
        }
    }

    private static int selectOne(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
