package dev.upbeat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upbeat.config.DatabaseUrl;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    @Test
    void defaults_run_on_port_8080_with_sqlite_in_the_data_directory() {
        UpbeatConfig c = new ConfigLoader(Map.of()).load();
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.database().kind()).isEqualTo(DatabaseUrl.Kind.SQLITE);
        assertThat(c.database().jdbcUrl()).isEqualTo("jdbc:sqlite:data/upbeat.db");
        assertThat(c.baseUrl().toString()).isEqualTo("http://localhost:8080");
        assertThat(c.uptimeWeights().partial()).isEqualTo(0.3);
        assertThat(c.maxBodyBytes()).isEqualTo(1_048_576);
        assertThat(c.adminToken()).isNull();
        assertThat(c.logs()).isEqualTo(new LogSettings(LogSettings.Format.TEXT, false));
    }

    @Test
    void the_log_format_is_text_or_json_and_access_lines_true_or_false() {
        assertThat(new ConfigLoader(Map.of("UPBEAT_LOG_FORMAT", "json", "UPBEAT_ACCESS_LOG", "true")).load().logs())
                .isEqualTo(new LogSettings(LogSettings.Format.JSON, true));
        // logback.xml names its appenders in lower case, so only that spelling reaches one.
        for (String bad : new String[] {"JSON", "logfmt"}) {
            assertThatThrownBy(() -> new ConfigLoader(Map.of("UPBEAT_LOG_FORMAT", bad)).load()).isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("UPBEAT_LOG_FORMAT must be text or json; got '" + bad + "'");
        }
        assertThatThrownBy(() -> new ConfigLoader(Map.of("UPBEAT_ACCESS_LOG", "yes")).load())
                .hasMessageStartingWith("UPBEAT_ACCESS_LOG must be true or false; got 'yes'");
    }

    @Test
    void heroku_conventions_port_and_database_url_are_honoured() {
        UpbeatConfig c = new ConfigLoader(Map.of("PORT", "5000", "DATABASE_URL", "postgres://u:p@db:5432/status",
                "UPBEAT_BASE_URL", "https://status.example.com/")).load();
        assertThat(c.port()).isEqualTo(5000);
        assertThat(c.database().kind()).isEqualTo(DatabaseUrl.Kind.POSTGRESQL);
        assertThat(c.baseUrl().toString()).isEqualTo("https://status.example.com");
        assertThat(c.describe().get("DATABASE_URL")).doesNotContain(":p@");
    }

    @Test
    void the_toxiproxy_api_is_off_unless_given_a_host_and_port() {
        assertThat(new ConfigLoader(Map.of()).load().toxiproxyListen()).isNull();
        assertThat(new ConfigLoader(Map.of()).load().describe().get("UPBEAT_TOXIPROXY_LISTEN")).isEqualTo("(off)");
        assertThat(new ConfigLoader(Map.of("UPBEAT_TOXIPROXY_LISTEN", " 127.0.0.1:8474 ")).load().toxiproxyListen())
                .isEqualTo("127.0.0.1:8474");
        for (String bad : new String[] {"8474", ":8474", "localhost:http", "127.0.0.1:70000"}) {
            assertThatThrownBy(() -> new ConfigLoader(Map.of("UPBEAT_TOXIPROXY_LISTEN", bad)).load()).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("UPBEAT_TOXIPROXY_LISTEN").hasMessageContaining(bad).hasMessageContaining("host:port");
        }
    }

    @Test
    void a_bad_value_fails_naming_the_variable_the_value_and_what_was_expected() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("PORT", "eighty")).load())
                .isInstanceOf(ConfigException.class).hasMessageContaining("PORT").hasMessageContaining("eighty").hasMessageContaining("TCP port");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("UPBEAT_TIME_ZONE", "Moon/Base")).load())
                .hasMessageContaining("UPBEAT_TIME_ZONE").hasMessageContaining("Moon/Base");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("UPBEAT_UPTIME_PARTIAL_WEIGHT", "2")).load())
                .hasMessageContaining("UPBEAT_UPTIME_PARTIAL_WEIGHT").hasMessageContaining("0 to 1");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("DATABASE_URL", "mysql://x")).load())
                .hasMessageContaining("DATABASE_URL");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("UPBEAT_BASE_URL", "status.example.com")).load())
                .hasMessageContaining("UPBEAT_BASE_URL");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("UPBEAT_PROBE_RAW_RETENTION", "PT6H")).load())
                .hasMessageContaining("UPBEAT_PROBE_RAW_RETENTION").hasMessageContaining("PT26H");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("UPBEAT_DELIVERY_LEASE", "PT1S")).load())
                .hasMessageContaining("UPBEAT_DELIVERY_LEASE").hasMessageContaining("PT1S").hasMessageContaining("at least PT2S");
    }

    @Test
    void a_delivery_claim_lasts_fifteen_seconds_unless_set() {
        assertThat(new ConfigLoader(Map.of()).load().notifications().lease()).isEqualTo(java.time.Duration.ofSeconds(15));
        assertThat(new ConfigLoader(Map.of("UPBEAT_DELIVERY_LEASE", "PT2S")).load().notifications().lease())
                .isEqualTo(java.time.Duration.ofSeconds(2));
    }

    @Test
    void delivery_concurrency_knows_every_subscriber_channel_and_the_docs_show_its_default() throws Exception {
        assertThat(NotificationSettings.concurrency("").keySet()).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(dev.upbeat.subscription.Channel.values()).map(dev.upbeat.subscription.Channel::wire).toList());
        assertThat(java.nio.file.Files.readString(java.nio.file.Path.of("docs", "configuration.md")))
                .contains("| `UPBEAT_DELIVERY_CONCURRENCY` | `" + NotificationSettings.DEFAULT_CONCURRENCY + "` |");
    }
}
