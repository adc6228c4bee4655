package dev.upbeat.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Email through a real SMTP server in the test JVM (GreenMail), from opt-in to one-click unsubscribe. */
class EmailDeliveryTest {
    private static final String[] AUTH = {"Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN};
    private static final String[] JSON = {"Content-Type", "application/json"};

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private TestUpbeat t;
    private Http http;

    @BeforeEach
    void start() {
        t = TestUpbeat.started(TestDatabases.sqlite(), Map.of("SMTP_URL", "smtp://status:pw@127.0.0.1:" + mail.getSmtp().getPort(),
                "UPBEAT_MAIL_FROM", "Example Status <status@example.test>", "UPBEAT_DELIVERY_POLL", "PT0.2S"));
        mail.setUser("status", "pw");
        http = t.http;
    }

    @AfterEach
    void stop() {
        t.close();
    }

    /** Links point at the public base URL; the test reaches the same path on the local server. */
    private static String local(String link) {
        return link.replace("https://status.example.test", "");
    }

    private static String link(String text, String path) {
        Matcher m = Pattern.compile("https://status\\.example\\.test" + Pattern.quote(path) + "\\?t=[A-Za-z0-9_~.-]+").matcher(text);
        assertThat(m.find()).as("a link to " + path + " in:\n" + text).isTrue();
        return m.group();
    }

    private static String part(MimeMessage m, String type) throws Exception {
        MimeMultipart multipart = (MimeMultipart) m.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            if (multipart.getBodyPart(i).isMimeType(type)) {
                return (String) multipart.getBodyPart(i).getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    private Http.Response subscribe(String address) {
        return http.raw("POST", "/api/v1/subscribers", "{\"channel\":\"email\",\"address\":\"" + address + "\"}", JSON);
    }

    @Test
    void double_opt_in_then_an_incident_mail_with_text_html_and_one_click_unsubscribe() throws Exception {
        Http.Response first = subscribe("Ada@Example.COM");
        assertThat(first.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> mail.getReceivedMessages().length == 1);
        MimeMessage confirmation = mail.getReceivedMessages()[0];
        assertThat(confirmation.getAllRecipients()[0].toString()).isEqualTo("ada@example.com");
        assertThat(confirmation.getSubject()).isEqualTo("Confirm your subscription to Upbeat Status");
        String confirmLink = link(part(confirmation, "text/plain"), "/subscriptions/confirm");
        assertThat(part(confirmation, "text/html")).contains("Confirm my subscription");

        assertThat(http.post("/api/v1/incidents", "{\"title\":\"Before confirming\",\"message\":\"x\"}").status()).isEqualTo(201);
        Http.Response confirmed = http.get(local(confirmLink));
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Subscribed");

        Http.Response again = subscribe("ada@example.com");
        assertThat(again.status()).isEqualTo(first.status());
        assertThat(again.body()).as("the same answer: no enumeration").isEqualTo(first.body());

        assertThat(http.post("/api/v1/incidents", "{\"title\":\"Elevated API errors\",\"message\":\"We are *on it*.\"}").status())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> mail.getReceivedMessages().length == 2);
        Thread.sleep(300); // nothing else may follow: no second confirmation, nothing from before confirming
        assertThat(mail.getReceivedMessages()).hasSize(2);

        MimeMessage incident = mail.getReceivedMessages()[1];
        assertThat(incident.getSubject()).isEqualTo("[Upbeat Status] New incident: Elevated API errors");
        assertThat(incident.getFrom()[0].toString()).isEqualTo("Example Status <status@example.test>");
        assertThat(incident.isMimeType("multipart/alternative")).isTrue();
        assertThat(part(incident, "text/plain")).contains("We are *on it*.").contains("Manage your subscription: https://");
        assertThat(part(incident, "text/html")).contains("<em>on it</em>").contains("Unsubscribe</a>");
        String unsubscribe = incident.getHeader("List-Unsubscribe")[0];
        assertThat(unsubscribe).startsWith("<https://status.example.test/subscriptions/unsubscribe?t=").endsWith(">");
        assertThat(incident.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");

        String manage = link(part(incident, "text/plain"), "/subscriptions/manage");
        assertThat(http.get(local(manage)).body()).contains("email: ada@example.com").contains("Unsubscribe");

        Http.Response oneClick = http.raw("POST", local(unsubscribe.substring(1, unsubscribe.length() - 1)),
                "List-Unsubscribe=One-Click", "Content-Type", "application/x-www-form-urlencoded");
        assertThat(oneClick.status()).isEqualTo(200);
        assertThat(http.get("/api/v1/subscribers", AUTH).json().get("total").asInt()).isZero();
        assertThat(http.get(local(manage)).status()).as("the link ends with the subscription").isEqualTo(404);
    }

    @Test
    void a_confirmation_link_expires() throws Exception {
        subscribe("late@example.com");
        await().atMost(Duration.ofSeconds(10)).until(() -> mail.getReceivedMessages().length == 1);
        String confirmLink = link(part(mail.getReceivedMessages()[0], "text/plain"), "/subscriptions/confirm");
        t.clock.advance(Duration.ofDays(8));
        try {
            Http.Response expired = http.get(local(confirmLink));
            assertThat(expired.status()).isEqualTo(400);
            assertThat(expired.body()).contains("expired");
            assertThat(http.get("/api/v1/subscribers", AUTH).json().get("subscribers").get(0).get("status").asText())
                    .isEqualTo("pending");
            Http.Response forged = http.get(local(confirmLink.replaceAll(".$", "A").replaceAll("AA$", "AB")));
            assertThat(forged.status()).isEqualTo(400);
        } finally {
            t.clock.reset();
        }
    }
}
