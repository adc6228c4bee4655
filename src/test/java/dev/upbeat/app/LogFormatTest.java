package dev.upbeat.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.json.Json;
import dev.upbeat.testing.AdminClient;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.LogCapture;
import dev.upbeat.testing.Receiver;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The log as a machine reads it: logback.xml's {@code json} appender writes each line Upbeat logs
 * as one JSON object, access lines with their request id, route, status and duration, and no
 * line, at any level Upbeat logs, carries a token, a password, a webhook secret or a signed link.
 */
class LogFormatTest {
    private static final String PASSWORD = "correct-horse-battery-staple-42";
    private static final String WRONG_PASSWORD = "wrong-password-never-logged-77";
    private static final String WRONG_TOKEN = "wrong-token-never-logged-0123456789";
    private static final String WEBHOOK_SECRET = "webhook-secret-never-logged-5555";
    private static final String SIGNING_KEY = "signing-key-never-logged-0123456789abcdef";

    @Test
    void the_format_setting_picks_the_appender_of_logback_xml() throws Exception {
        assertThat(appender("json").getEncoder().getClass().getSimpleName()).isEqualTo("JsonEncoder");
        assertThat(appender("text").getEncoder().getClass().getSimpleName()).isEqualTo("PatternLayoutEncoder");
    }

    @Test
    void every_line_is_one_json_object_access_lines_name_their_request_and_no_line_carries_a_secret() throws Exception {
        Encoder<ILoggingEvent> json = appender("json").getEncoder();
        List<ILoggingEvent> events;
        List<String> secrets = new ArrayList<>(List.of(TestUpbeat.ADMIN_TOKEN, PASSWORD, WRONG_PASSWORD, WRONG_TOKEN, WEBHOOK_SECRET,
                SIGNING_KEY));
        Logger upbeat = (Logger) LoggerFactory.getLogger("dev.upbeat");
        Level before = upbeat.getLevel();
        // Every line Upbeat could write, not only those the default level lets through.
        upbeat.setLevel(Level.DEBUG);
        try (Receiver hooks = new Receiver(); LogCapture logs = LogCapture.of("dev.upbeat", "io.javalin", "org.eclipse.jetty",
                "com.zaxxer.hikari", "org.flywaydb")) {
            hooks.answer(500);
            try (TestUpbeat t = TestUpbeat.started(TestDatabases.sqlite(), Map.of("UPBEAT_ACCESS_LOG", "true",
                    "UPBEAT_LOG_FORMAT", "json", "UPBEAT_SIGNING_KEY", SIGNING_KEY, "UPBEAT_WEBHOOK_ALLOW", "127.0.0.1",
                    "UPBEAT_DELIVERY_MAX_ATTEMPTS", "1", "UPBEAT_DELIVERY_POLL", "PT0.2S"))) {
                secrets.addAll(useEverySecret(t, hooks));
                Awaitility.await().until(() -> logs.events().stream().anyMatch(e -> e.getFormattedMessage().contains("is dead")));
                Awaitility.await().until(() -> logs.events().stream().anyMatch(e -> "report-json".equals(e.getMDCPropertyMap().get("request_id"))));
            }
            events = logs.events();
        } finally {
            upbeat.setLevel(before);
        }

        assertThat(events).hasSizeGreaterThan(10);
        boolean sawAccessLine = false;
        for (ILoggingEvent e : events) {
            String line = new String(json.encode(e), StandardCharsets.UTF_8);
            assertThat(line).endsWith("\n");
            assertThat(line.strip()).as("one line per event").doesNotContain("\n");
            JsonNode object = Json.mapper().readTree(line);
            assertThat(object.get("level").asText()).isEqualTo(e.getLevel().toString());
            for (String secret : secrets) {
                assertThat(line).as("a secret in the log").doesNotContain(secret);
            }
            if ("report-json".equals(object.path("mdc").path("request_id").asText(null)) && e.getLoggerName().equals("dev.upbeat.access")) {
                sawAccessLine = true;
                JsonNode fields = object.get("mdc");
                assertThat(fields.get("route").asText()).isEqualTo("/api/v1/components/{id}");
                assertThat(fields.get("method").asText()).isEqualTo("GET");
                assertThat(fields.get("status").asText()).isEqualTo("404");
                assertThat(Double.parseDouble(fields.get("duration_ms").asText())).isNotNegative();
            }
        }
        assertThat(sawAccessLine).isTrue();
    }

    /** Sends every kind of secret Upbeat takes; returns those only known once sent. */
    private static List<String> useEverySecret(TestUpbeat t, Receiver hooks) {
        Http http = t.http;
        String token = t.upbeat.tokens().create("logged-nowhere").secret();
        assertThat(http.get("/metrics", "Authorization", "Bearer " + token).status()).isEqualTo(200);
        assertThat(http.get("/metrics", "Authorization", "Bearer " + WRONG_TOKEN).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/components/nope", "X-Request-Id", "report-json").status()).isEqualTo(404);

        t.upbeat.admin().users().add("ops@example.com", "admin", PASSWORD);
        assertThat(new AdminClient(base(t)).signIn("ops@example.com", WRONG_PASSWORD).status()).isEqualTo(401);
        assertThat(new AdminClient(base(t)).signIn("ops@example.com", PASSWORD).status()).isEqualTo(303);

        String signed = t.upbeat.notifications().links().formToken(t.clock.instant());
        for (String path : List.of("/subscriptions/manage?t=", "/subscriptions/unsubscribe?t=", "/subscriptions/confirm?t=")) {
            http.get(path + signed);
        }
        assertThat(http.post("/api/v1/subscribers", "{\"channel\":\"webhook\",\"address\":\"" + hooks.url("/hook/" + WEBHOOK_SECRET)
                + "\",\"confirmed\":true,\"secret\":\"" + WEBHOOK_SECRET + "\"}").status()).isEqualTo(201);
        assertThat(http.post("/api/v1/incidents", "{\"title\":\"Hooks fail\",\"message\":\"Sent to a failing hook.\"}").status())
                .isEqualTo(201);
        return List.of(token, signed);
    }

    private static String base(TestUpbeat t) {
        return "http://127.0.0.1:" + t.upbeat.port();
    }

    /** The root appender logback.xml (not the tests' logback-test.xml) configures for this format. */
    @SuppressWarnings("unchecked")
    private static OutputStreamAppender<ILoggingEvent> appender(String format) throws Exception {
        LoggerContext context = new LoggerContext();
        context.putProperty("UPBEAT_LOG_FORMAT", format);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertThat(context.getStatusManager().getCopyOfStatusList()).as("logback.xml configures without a warning")
                .allMatch(status -> status.getLevel() == ch.qos.logback.core.status.Status.INFO);
        assertThat(root.getAppender("text".equals(format) ? "json" : "text")).as("only the chosen appender").isNull();
        return (OutputStreamAppender<ILoggingEvent>) root.getAppender(format);
    }
}
