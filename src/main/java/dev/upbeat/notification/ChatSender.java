package dev.upbeat.notification;

import dev.upbeat.subscription.Channel;
import java.util.List;
import java.util.Map;

/**
 * Slack and Microsoft Teams incoming webhooks: a short readable message with the headline, the
 * latest words, and links to the incident and to manage the subscription. Slack gets
 * {@code text} (mrkdwn); Teams gets a MessageCard, which its incoming webhooks render.
 */
final class ChatSender extends HttpSender {
    private final Channel channel;

    ChatSender(Channel channel, WebPoster poster, Composer composer) {
        super(poster, composer);
        this.channel = channel;
    }

    @Override
    void deliver(Outgoing o) throws DeliveryFailure {
        Object payload = channel == Channel.SLACK ? slack(o) : teams(o);
        poster.post(o.subscriber().address(), "application/json", json(payload));
    }

    @Override
    void deliverNotice(Outgoing o) throws DeliveryFailure {
        OwnerNotice n = o.notice();
        Object payload = channel == Channel.SLACK
                ? Map.of("text", "*" + slackEscape(n.subject()) + "*\n" + slackEscape(n.text()), "unfurl_links", false)
                : Map.of("@type", "MessageCard", "@context", "https://schema.org/extensions", "summary", n.subject(),
                        "title", n.subject(), "text", n.text());
        poster.post(o.address(), "application/json", json(payload));
    }

    private Map<String, Object> slack(Outgoing o) {
        EventBody b = o.event().body();
        String text = "*" + slackEscape(composer.headline(o.event())) + "*\n"
                + "Status: " + Composer.words(b.status())
                + (b.components().isEmpty() ? "" : " · Affects " + slackEscape(String.join(", ", b.components()))) + "\n"
                + slackEscape(b.message()) + "\n"
                + "<" + b.url() + "|View incident> · <" + composer.links().manage(o.subscriber()) + "|Manage subscription>";
        return Map.of("text", text, "unfurl_links", false);
    }

    private Map<String, Object> teams(Outgoing o) {
        EventBody b = o.event().body();
        String text = "**Status:** " + Composer.words(b.status())
                + (b.components().isEmpty() ? "" : " · **Affects:** " + String.join(", ", b.components())) + "\n\n" + b.message();
        return Map.of("@type", "MessageCard", "@context", "https://schema.org/extensions",
                "summary", composer.headline(o.event()), "title", composer.headline(o.event()), "text", text,
                "potentialAction", List.of(action("View incident", b.url()),
                        action("Manage subscription", composer.links().manage(o.subscriber()))));
    }

    private static Map<String, Object> action(String name, String url) {
        return Map.of("@type", "OpenUri", "name", name, "targets", List.of(Map.of("os", "default", "uri", url)));
    }

    /** Slack's three control characters; everything else is shown as written. */
    private static String slackEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
