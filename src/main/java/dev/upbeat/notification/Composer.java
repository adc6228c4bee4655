package dev.upbeat.notification;

import dev.upbeat.status.Markdown;
import dev.upbeat.subscription.Channel;
import dev.upbeat.subscription.Links;
import dev.upbeat.subscription.Signer;
import dev.upbeat.subscription.Subscriber;

/**
 * Writes every message in words, the same for every channel: what happened, the latest words
 * posted, a link to the incident, and the subscriber's own signed manage and unsubscribe links.
 */
public final class Composer {
    private final java.util.function.Supplier<String> pageName;
    private final Links links;
    private final Signer signer;

    public Composer(java.util.function.Supplier<String> pageName, Links links, Signer signer) {
        this.pageName = pageName;
        this.links = links;
        this.signer = signer;
    }

    public Links links() {
        return links;
    }

    public String pageName() {
        return pageName.get();
    }

    public Message message(Outgoing o) {
        if (o.isNotice()) {
            return o.notice().message();
        }
        return o.isConfirmation() ? confirmation(o.subscriber()) : event(o.subscriber(), o.event());
    }

    /** "[Page] Resolved: Elevated API errors". */
    public String headline(NotificationEvent e) {
        return "[" + pageName() + "] " + e.kind().label() + ": " + e.body().title();
    }

    Message event(Subscriber s, NotificationEvent e) {
        EventBody b = e.body();
        String affects = b.components().isEmpty() ? "" : "Affects: " + String.join(", ", b.components()) + "\n";
        String text = b.title() + "\nStatus: " + words(b.status()) + "\n" + affects + "\n" + b.message() + "\n\n"
                + "Details: " + b.url() + "\n\n--\nManage your subscription: " + links.manage(s)
                + "\nUnsubscribe: " + links.unsubscribe(s) + "\n";
        String html = "<!DOCTYPE html><html><body>"
                + "<h1>" + escape(b.title()) + "</h1><p><strong>" + escape(words(b.status())) + "</strong>"
                + (b.components().isEmpty() ? "" : " · Affects " + escape(String.join(", ", b.components()))) + "</p>"
                + Markdown.toSafeHtml(b.message())
                + "<p><a href=\"" + escape(b.url()) + "\">View on " + escape(pageName()) + "</a></p><hr><p>"
                + "<a href=\"" + escape(links.manage(s)) + "\">Manage your subscription</a> · "
                + "<a href=\"" + escape(links.unsubscribe(s)) + "\">Unsubscribe</a></p></body></html>";
        return new Message(headline(e), text, html);
    }

    Message confirmation(Subscriber s) {
        if (s.channel() == Channel.SMS) {
            String code = signer.smsCode(s.id(), s.confirmIssuedAt());
            return new Message(pageName(), pageName() + ": your confirmation code is " + code
                    + ". Enter it on the status page within an hour. Not you? Ignore this message.", null);
        }
        String link = links.confirm(s);
        String text = "Please confirm that you want notifications from " + pageName() + " at this address:\n\n" + link
                + "\n\nThe link works for " + links.confirmTtl().toDays() + " days. If you did not ask for this, ignore this "
                + "message: nothing will be sent without your confirmation.\n";
        String html = "<!DOCTYPE html><html><body><p>Please confirm that you want notifications from " + escape(pageName())
                + " at this address.</p><p><a href=\"" + escape(link) + "\">Confirm my subscription</a></p><p>The link works for "
                + links.confirmTtl().toDays() + " days. If you did not ask for this, ignore this message.</p></body></html>";
        return new Message("Confirm your subscription to " + pageName(), text, html);
    }

    static String words(String wire) {
        String spaced = wire.replace('_', ' ');
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
