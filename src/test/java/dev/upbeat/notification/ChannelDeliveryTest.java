package dev.upbeat.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.json.Json;
import dev.upbeat.subscription.Signer;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.Receiver;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhook, Slack, Teams and Twilio deliveries received by real HTTP servers on loopback, which
 * check the shape of each request and the webhook signature.
 */
class ChannelDeliveryTest {
    private static final String[] AUTH = {"Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN};
    private final Receiver receiver = new Receiver();
    private TestUpbeat t;
    private Http http;

    @BeforeEach
    void start() {
        t = TestUpbeat.started(TestDatabases.sqlite(), Map.of(
                "UPBEAT_WEBHOOK_ALLOW", "127.0.0.1",
                "UPBEAT_TWILIO_ACCOUNT_SID", "ACtest", "UPBEAT_TWILIO_AUTH_TOKEN", "twilio-token",
                "UPBEAT_TWILIO_FROM", "+15005550006", "UPBEAT_TWILIO_BASE_URL", receiver.url(""),
                "UPBEAT_DELIVERY_MAX_ATTEMPTS", "3", "UPBEAT_DELIVERY_BACKOFF", "PT0.05S", "UPBEAT_DELIVERY_POLL", "PT0.2S"));
        http = t.http;
    }

    @AfterEach
    void stop() {
        t.close();
        receiver.close();
    }

    private void subscribe(String channel, String address, String secret) {
        String body = "{\"channel\":\"" + channel + "\",\"address\":\"" + address + "\",\"confirmed\":true"
                + (secret == null ? "" : ",\"secret\":\"" + secret + "\"") + "}";
        Http.Response r = http.post("/api/v1/subscribers", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    private long openIncident(String component) {
        Http.Response r = http.post("/api/v1/incidents", """
                {"title":"Elevated API errors","impact":"major","message":"We are **looking**.",
                 "components":{"%s":"major_outage"}}""".formatted(component));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private String component(String name) {
        return http.post("/api/v1/components", "{\"name\":\"" + name + "\"}").json().get("id").asText();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return form;
    }

    @Test
    void webhook_slack_teams_and_sms_subscribers_each_get_one_readable_message_in_their_format() throws Exception {
        String api = component("API");
        subscribe("webhook", receiver.url("/hook"), "hook-secret");
        subscribe("slack", receiver.url("/slack"), null);
        subscribe("teams", receiver.url("/teams"), null);
        assertThat(http.raw("POST", "/api/v1/subscribers", "{\"channel\":\"sms\",\"address\":\"+1 415 555 0123\"}",
                "Content-Type", "application/json").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.requests("/2010-04-01").size() == 1);
        String codeText = form(receiver.requests("/2010-04-01").get(0).text()).get("Body");
        String code = codeText.replaceAll("(?s).*code is (\\d{6}).*", "$1");
        assertThat(http.raw("POST", "/api/v1/subscribers/confirm", "{\"address\":\"+14155550123\",\"code\":\"000000\"}",
                "Content-Type", "application/json").status()).as("a wrong code").isEqualTo(422);
        assertThat(http.raw("POST", "/api/v1/subscribers/confirm", "{\"address\":\"+14155550123\",\"code\":\"" + code + "\"}",
                "Content-Type", "application/json").status()).isEqualTo(200);

        openIncident(api);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.requests("/hook").size() == 1
                && receiver.requests("/slack").size() == 1 && receiver.requests("/teams").size() == 1
                && receiver.requests("/2010-04-01").size() == 2);

        Receiver.Request hook = receiver.requests("/hook").get(0);
        assertThat(hook.header("X-Upbeat-Signature")).isEqualTo("sha256=" + Signer.hmacHex("hook-secret", hook.body()));
        assertThat(hook.header("Content-Type")).startsWith("application/json");
        JsonNode payload = Json.mapper().readTree(hook.body());
        assertThat(payload.path("meta").path("unsubscribe").asText()).startsWith("https://status.example.test/subscriptions/unsubscribe?t=");
        assertThat(payload.path("page").path("status_indicator").asText()).isEqualTo("critical");
        assertThat(payload.path("page").path("status_description").asText()).isEqualTo("Major System Outage");
        JsonNode incident = payload.path("incident");
        assertThat(incident.path("name").asText()).isEqualTo("Elevated API errors");
        assertThat(incident.path("status").asText()).isEqualTo("investigating");
        assertThat(incident.path("impact").asText()).isEqualTo("major");
        assertThat(incident.path("incident_updates").get(0).path("body").asText()).isEqualTo("We are **looking**.");
        assertThat(incident.path("incident_updates").get(0).path("affected_components").get(0).path("new_status").asText())
                .isEqualTo("major_outage");
        assertThat(incident.path("components").get(0).path("name").asText()).isEqualTo("API");

        JsonNode slack = Json.mapper().readTree(receiver.requests("/slack").get(0).body());
        assertThat(slack.path("text").asText()).contains("New incident: Elevated API errors").contains("Affects API")
                .contains("|Manage subscription>");
        JsonNode teams = Json.mapper().readTree(receiver.requests("/teams").get(0).body());
        assertThat(teams.path("@type").asText()).isEqualTo("MessageCard");
        assertThat(teams.path("title").asText()).contains("Elevated API errors");
        assertThat(teams.path("potentialAction").get(1).path("targets").get(0).path("uri").asText()).contains("/subscriptions/manage?t=");

        Receiver.Request sms = receiver.requests("/2010-04-01").get(1);
        assertThat(sms.path()).isEqualTo("/2010-04-01/Accounts/ACtest/Messages.json");
        assertThat(sms.header("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("ACtest:twilio-token".getBytes(StandardCharsets.UTF_8)));
        Map<String, String> fields = form(sms.text());
        assertThat(fields).containsEntry("To", "+14155550123").containsEntry("From", "+15005550006");
        assertThat(fields.get("Body")).contains("Elevated API errors").contains("Manage: https://status.example.test/subscriptions/manage?t=");
        assertThat(hook.header("X-Upbeat-Delivery")).isNotBlank();
    }

    @Test
    void a_failing_receiver_is_retried_with_backoff_then_parked_dead_and_resent_by_an_admin() {
        receiver.answer(302);
        subscribe("webhook", receiver.url("/flaky"), null);
        openIncident(component("Web"));
        long event = http.get("/api/v1/notifications", AUTH).json().get(0).get("id").asLong();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                http.get("/api/v1/notifications/" + event + "/deliveries?status=dead", AUTH).json().size() == 1);
        JsonNode dead = http.get("/api/v1/notifications/" + event + "/deliveries", AUTH).json().get(0);
        assertThat(dead.get("attempts").asInt()).isEqualTo(3);
        assertThat(dead.get("last_error").asText()).contains("HTTP 302");
        assertThat(receiver.requests("/flaky")).as("redirects are not followed").hasSize(3);
        assertThat(receiver.requests("/elsewhere")).isEmpty();

        receiver.answer(204);
        assertThat(http.post("/api/v1/notifications/" + event + "/resend", null).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                http.get("/api/v1/notifications/" + event + "/deliveries?status=sent", AUTH).json().size() == 1);
        assertThat(receiver.requests("/flaky")).hasSize(4);
        assertThat(http.get("/api/v1/notifications", AUTH).json().get(0).get("deliveries").get("sent").asInt()).isEqualTo(1);
    }
}
