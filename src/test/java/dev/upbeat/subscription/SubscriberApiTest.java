package dev.upbeat.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Subscribing through the API and the page's form, and what admins can do with subscribers. */
class SubscriberApiTest {
    private static final String[] AUTH = {"Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN};
    private static final String[] JSON = {"Content-Type", "application/json"};
    static TestUpbeat t;
    static Http http;

    @BeforeAll
    static void start() {
        // No UPBEAT_WEBHOOK_ALLOW: loopback and private targets must be refused.
        t = TestUpbeat.started(TestDatabases.sqlite(), Map.of("SMTP_URL", "smtp://127.0.0.1:1", "UPBEAT_SUBSCRIBE_LIMIT", "1000",
                "UPBEAT_DELIVERY_POLL", "PT1H"));
        http = t.http;
        http.post("/api/v1/components", "{\"name\":\"API\"}");
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    private static Http.Response anonymous(String body, String... headers) {
        String[] all = new String[headers.length + 2];
        System.arraycopy(JSON, 0, all, 0, 2);
        System.arraycopy(headers, 0, all, 2, headers.length);
        return http.raw("POST", "/api/v1/subscribers", body, all);
    }

    @Test
    void the_home_page_form_asks_for_the_addresses_of_the_configured_channels_by_name() {
        String home = http.get("/").body();
        String form = home.substring(home.indexOf("<form method=\"post\" action=\"/subscribe\""));
        form = form.substring(0, form.indexOf("</form>"));
        assertThat(form).contains("<option value=\"email\">Email</option>").contains("<option value=\"webhook\">Webhook</option>");
        assertThat(form).as("SMS is not configured here").doesNotContain("value=\"sms\"").doesNotContain("mobile number");
        assertThat(form).contains(">Email address, webhook URL, ").doesNotContain("E.164");
        assertThat(form).as("not only email, so no email autofill").contains("autocomplete=\"off\"");
    }

    @Test
    void the_public_answer_is_the_same_for_a_new_a_pending_and_an_active_address() {
        Http.Response fresh = anonymous("{\"channel\":\"email\",\"address\":\"same@example.com\"}");
        Http.Response pending = anonymous("{\"channel\":\"email\",\"address\":\"same@example.com\"}");
        http.post("/api/v1/subscribers", "{\"channel\":\"email\",\"address\":\"active@example.com\",\"confirmed\":true}");
        Http.Response active = anonymous("{\"channel\":\"email\",\"address\":\"active@example.com\"}");
        assertThat(fresh.status()).isEqualTo(202);
        assertThat(pending.toString()).isEqualTo(fresh.toString());
        assertThat(active.toString()).isEqualTo(fresh.toString());
    }

    @Test
    void only_an_admin_may_add_a_confirmed_subscriber_and_its_secret_is_never_shown() {
        assertThat(anonymous("{\"channel\":\"email\",\"address\":\"x@example.com\",\"confirmed\":true}").status()).isEqualTo(401);
        assertThat(anonymous("{\"channel\":\"email\",\"address\":\"x@example.com\"}", "Authorization", "Bearer wrong").status())
                .isEqualTo(401);
        Http.Response added = http.post("/api/v1/subscribers", """
                {"channel":"webhook","address":"https://93.184.215.14/hook","secret":"top-secret-1","confirmed":true,
                 "components":["api"]}""");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.body()).doesNotContain("top-secret-1");
        JsonNode listed = http.get("/api/v1/subscribers?q=93.184", AUTH).json();
        assertThat(listed.get("total").asInt()).isEqualTo(1);
        JsonNode s = listed.get("subscribers").get(0);
        assertThat(s.get("has_secret").asBoolean()).isTrue();
        assertThat(s.get("components").get(0).asText()).isEqualTo("api");
        assertThat(listed.toString()).doesNotContain("top-secret-1");
        assertThat(http.get("/api/v1/subscribers/export", AUTH).body()).doesNotContain("top-secret-1");
        assertThat(http.get("/api/v1/subscribers", "Authorization", "Bearer nope").status()).isEqualTo(401);
    }

    @Test
    void empty_query_parameters_mean_not_given() {
        Http.Response all = http.get("/api/v1/subscribers?q=&channel=&limit=100&offset=0", AUTH);
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.json().get("total").asInt()).isEqualTo(http.get("/api/v1/subscribers", AUTH).json().get("total").asInt());
    }

    @Test
    void an_event_without_deliveries_still_counts_sent_pending_and_dead() {
        try (TestUpbeat empty = TestUpbeat.started()) {
            empty.http.post("/api/v1/components", "{\"name\":\"API\"}");
            empty.http.post("/api/v1/incidents", "{\"title\":\"Down\",\"message\":\"Looking.\",\"components\":{\"api\":\"major_outage\"}}");

            JsonNode event = empty.http.get("/api/v1/notifications", AUTH).json().get(0);
            assertThat(event.get("deliveries").toString()).isEqualTo("{\"sent\":0,\"pending\":0,\"dead\":0}");
        }
    }

    @Test
    void bad_input_is_refused_naming_the_field() {
        assertThat(field(anonymous("{\"channel\":\"pigeon\",\"address\":\"x\"}"))).isEqualTo("channel");
        assertThat(field(anonymous("{\"channel\":\"email\",\"address\":\"not-an-email\"}"))).isEqualTo("address");
        assertThat(field(anonymous("{\"channel\":\"email\",\"address\":\"a@example.com\",\"components\":[\"api\",\"nope\"]}")))
                .isEqualTo("components[1]");
        assertThat(field(anonymous("{\"channel\":\"email\",\"address\":\"a@example.com\",\"secret\":\"s\"}"))).isEqualTo("secret");
        Http.Response sms = anonymous("{\"channel\":\"sms\",\"address\":\"+14155550123\"}");
        assertThat(sms.status()).isEqualTo(422);
        assertThat(sms.json().get("message").asText()).contains("UPBEAT_TWILIO_ACCOUNT_SID");
    }

    @Test
    void webhook_targets_on_loopback_private_link_local_or_metadata_addresses_are_refused() {
        for (String target : new String[] {"http://127.0.0.1:8080/x", "http://localhost/x", "http://10.1.2.3/x",
                "http://192.168.0.10/x", "http://169.254.169.254/latest/meta-data", "http://[::1]/x", "http://[fd00:ec2::254]/x",
                "http://0.0.0.0/x", "file:///etc/passwd"}) {
            Http.Response r = anonymous("{\"channel\":\"webhook\",\"address\":\"" + target + "\"}");
            assertThat(r.status()).as(target).isEqualTo(422);
            assertThat(r.json().get("field").asText()).isEqualTo("address");
        }
        assertThat(anonymous("{\"channel\":\"slack\",\"address\":\"http://172.16.0.1/hook\"}").json().get("message").asText())
                .contains("UPBEAT_WEBHOOK_ALLOW");
    }

    @Test
    void webhook_targets_in_reserved_ranges_or_ipv6_forms_of_internal_addresses_are_refused() {
        for (String target : new String[] {"http://[64:ff9b::a9fe:a9fe]/x", "http://[64:ff9b::7f00:1]/x", "http://[::127.0.0.1]/x",
                "http://[::a9fe:a9fe]/x", "http://[2002:a9fe:a9fe::1]/x", "http://198.18.0.1/x", "http://192.0.0.1/x",
                "http://240.0.0.1/x", "http://255.255.255.255/x", "http://[2001:db8::1]/x"}) {
            Http.Response r = anonymous("{\"channel\":\"webhook\",\"address\":\"" + target + "\"}");
            assertThat(r.status()).as(target).isEqualTo(422);
            assertThat(r.json().get("field").asText()).isEqualTo("address");
        }
    }

    @Test
    void admins_count_remove_export_and_import_subscribers() {
        String csv = "channel,address,components\nemail,one@example.com,api\nemail,two@example.com,\nemail,broken,\n"
                + "pigeon,x,\nemail,one@example.com,\n";
        Http.Response imported = http.raw("POST", "/api/v1/subscribers/import", csv, "Authorization", AUTH[1],
                "Content-Type", "text/csv");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().get("added").asInt()).isEqualTo(2);
        assertThat(imported.json().get("existing").asInt()).isEqualTo(1);
        assertThat(imported.json().get("errors").toString()).contains("line 4").contains("line 5");
        String exported = http.get("/api/v1/subscribers/export", AUTH).body();
        assertThat(exported).startsWith("channel,address,components,confirmed,created_at\n")
                .contains("email,one@example.com,api,true,");
        assertThat(http.get("/api/v1/subscribers/counts", AUTH).json().get("email").get("confirmed").asInt()).isGreaterThanOrEqualTo(2);

        String id = http.get("/api/v1/subscribers?q=two@", AUTH).json().get("subscribers").get(0).get("id").asText();
        assertThat(http.delete("/api/v1/subscribers/" + id).status()).isEqualTo(204);
        assertThat(http.delete("/api/v1/subscribers/" + id).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/subscribers?q=two@", AUTH).json().get("total").asInt()).isZero();
    }

    @Test
    void a_pending_subscriber_in_an_imported_csv_is_skipped_not_confirmed_without_consent() {
        String csv = "channel,address,components,confirmed,created_at\n"
                + "email,opted-in@example.com,,true,2026-01-01T00:00:00Z\n"
                + "email,never-confirmed@example.com,,false,2026-01-01T00:00:00Z\n";
        Http.Response imported = http.raw("POST", "/api/v1/subscribers/import", csv, "Authorization", AUTH[1],
                "Content-Type", "text/csv");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().get("errors").toString()).contains("line 3").contains("not confirmed");
        assertThat(http.get("/api/v1/subscribers?q=never-confirmed@", AUTH).json().get("total").asInt()).isZero();
        assertThat(http.get("/api/v1/subscribers?q=opted-in@", AUTH).json().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void the_home_page_form_subscribes_without_javascript_and_refuses_forgeries() {
        String home = http.get("/").body();
        Matcher m = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(home);
        assertThat(m.find()).as(home).isTrue();
        assertThat(home).contains("action=\"/subscribe\"").contains("value=\"api\"").doesNotContain("<script>");
        String form = "token=" + m.group(1) + "&channel=email&address=form%40example.com&component=api";
        String[] formType = {"Content-Type", "application/x-www-form-urlencoded"};

        Http.Response ok = http.raw("POST", "/subscribe", form, formType);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).contains("Almost done");
        assertThat(http.get("/api/v1/subscribers?q=form@", AUTH).json().get("subscribers").get(0).get("status").asText())
                .isEqualTo("pending");

        assertThat(http.raw("POST", "/subscribe", form.replace(m.group(1), "123.forged"), formType).status()).isEqualTo(400);
        assertThat(http.raw("POST", "/subscribe", form, "Content-Type", formType[1], "Sec-Fetch-Site", "cross-site").status())
                .isEqualTo(400);
        assertThat(http.raw("POST", "/subscribe", form, "Content-Type", formType[1], "Origin", "https://evil.example").status())
                .isEqualTo(400);
    }

    @Test
    void subscribing_is_rate_limited_per_client_address_with_retry_after() {
        try (TestUpbeat limited = TestUpbeat.started(TestDatabases.sqlite(), Map.of("SMTP_URL", "smtp://127.0.0.1:1",
                "UPBEAT_SUBSCRIBE_LIMIT", "2", "UPBEAT_DELIVERY_POLL", "PT1H"))) {
            for (int k = 0; k < 2; k++) {
                assertThat(limited.http.raw("POST", "/api/v1/subscribers", "{\"channel\":\"email\",\"address\":\"r" + k
                        + "@example.com\"}", JSON).status()).isEqualTo(202);
            }
            Http.Response third = limited.http.raw("POST", "/api/v1/subscribers", "{\"channel\":\"email\",\"address\":\"r3@example.com\"}", JSON);
            assertThat(third.status()).isEqualTo(429);
            assertThat(third.json().get("id").asText()).isEqualTo("rate_limited");
            assertThat(Long.parseLong(third.header("Retry-After"))).isBetween(1L, 3600L);
            assertThat(limited.http.post("/api/v1/subscribers", "{\"channel\":\"email\",\"address\":\"admin@example.com\"}").status())
                    .as("admins are not limited").isEqualTo(202);
        }
    }

    private static String field(Http.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        return r.json().get("field").asText();
    }

    @Test
    void a_signed_manage_link_changes_components_without_a_login_and_a_forged_one_does_nothing() {
        http.post("/api/v1/subscribers", "{\"channel\":\"email\",\"address\":\"manage@example.com\",\"confirmed\":true}");
        Subscriber s = t.upbeat.notifications().directory().search("manage@", null, 1, 0).subscribers().get(0);
        String link = t.upbeat.notifications().links().manage(s).replace("https://status.example.test", "");
        String[] formType = {"Content-Type", "application/x-www-form-urlencoded"};
        assertThat(http.get(link).body()).contains("name=\"component\" value=\"api\"");
        assertThat(http.raw("POST", link, "component=api", formType).status()).isEqualTo(200);
        assertThat(t.upbeat.notifications().directory().search("manage@", null, 1, 0).subscribers().get(0).components())
                .containsExactly("api");
        assertThat(http.raw("POST", link + "x", "component=api", formType).status()).isEqualTo(404);
        assertThat(http.raw("POST", link.replace("manage?", "unsubscribe?") + "x", "", formType).status()).isEqualTo(404);
    }
}
