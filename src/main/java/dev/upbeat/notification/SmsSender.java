package dev.upbeat.notification;

import dev.upbeat.config.NotificationConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * SMS through Twilio's Messages API ({@code POST /2010-04-01/Accounts/{sid}/Messages.json},
 * form-encoded To, From, Body, HTTP Basic with the account SID and auth token). The base URL is
 * configurable so tests, and Twilio-compatible providers, can stand in. Texts are kept short. The
 * provider is the operator's own, not a subscriber-given target, so its poster has no private-network check.
 */
final class SmsSender extends HttpSender {
    static final int MAX_CHARS = 480;

    private final NotificationConfig.Twilio twilio;

    SmsSender(NotificationConfig.Twilio twilio, WebPoster poster, Composer composer) {
        super(poster, composer);
        this.twilio = twilio;
    }

    /** A number is subscribed only after the code texted to it comes back. */
    @Override
    boolean confirmsOptIn() {
        return true;
    }

    @Override
    void deliver(Outgoing o) throws DeliveryFailure {
        String text = o.isConfirmation() ? composer.message(o).text() : text(o);
        String form = "To=" + enc(o.subscriber().address()) + "&From=" + enc(twilio.from()) + "&Body=" + enc(text);
        String auth = Base64.getEncoder().encodeToString((twilio.accountSid() + ":" + twilio.authToken())
                .getBytes(StandardCharsets.UTF_8));
        String url = twilio.baseUrl() + "/2010-04-01/Accounts/" + enc(twilio.accountSid()) + "/Messages.json";
        poster.post(url, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8), "Authorization", "Basic " + auth);
    }

    private String text(Outgoing o) {
        EventBody b = o.event().body();
        String tail = " " + b.url() + " Manage: " + composer.links().manage(o.subscriber());
        String head = composer.headline(o.event()) + " (" + Composer.words(b.status()) + "). " + b.message();
        int room = MAX_CHARS - tail.length();
        return (head.length() > room ? head.substring(0, Math.max(0, room - 1)) + "…" : head) + tail;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
