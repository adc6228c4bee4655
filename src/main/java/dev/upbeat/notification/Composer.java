package dev.upbeat.notification;

import dev.upbeat.status.Markdown;
import dev.upbeat.subscription.Channel;
import dev.upbeat.subscription.Links;
import dev.upbeat.subscription.Signer;
import dev.upbeat.subscription.Subscriber;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes every message in words, the same for every channel: what happened, the latest words
 * posted, a link to the incident, and the subscriber's own signed manage and unsubscribe links.
 */
public final class Composer {
    private final java.util.function.Supplier<String> pageName;
    private final Links links;
    private final Signer signer;
    /** Event id to the event's words for all its subscribers; cleared when it grows past a hundred events. */
    private final Map<Long, Rendered> rendered = new ConcurrentHashMap<>();

    /** An event's subject and the text and HTML of its body up to the subscriber's own links, for one page name. */
    private record Rendered(String page, String headline, String text, String html) {
    }

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
        return headline(e, pageName());
    }

    private static String headline(NotificationEvent e, String page) {
        return "[" + page + "] " + e.kind().label() + ": " + e.body().title();
    }

    Message event(Subscriber s, NotificationEvent e) {
        Rendered r = rendered(e);
        String manage = links.manage(s);
        String unsubscribe = links.unsubscribe(s);
        String text = r.text() + manage + "\nUnsubscribe: " + unsubscribe + "\n";
        String html = r.html() + "<a href=\"" + escape(manage) + "\">Manage your subscription</a> · "
                + "<a href=\"" + escape(unsubscribe) + "\">Unsubscribe</a></p></body></html>";
        return new Message(r.headline(), text, html);
    }

    /**
     * What every subscriber of an event reads, up to their own links: written once per event (and
     * page name) rather than once per message, as rendering the Markdown is most of a message's cost.
     */
    private Rendered rendered(NotificationEvent e) {
        String page = pageName();
        Rendered r = rendered.get(e.id());
        if (r == null || !r.page().equals(page)) {
            if (rendered.size() > 100) {
                rendered.clear();
            }
            r = render(e, page);
            rendered.put(e.id(), r);
        }
        return r;
    }

    private Rendered render(NotificationEvent e, String page) {
        EventBody b = e.body();
        String affects = b.components().isEmpty() ? "" : "Affects: " + String.join(", ", b.components()) + "\n";
        String text = b.title() + "\nStatus: " + words(b.status()) + "\n" + affects + "\n" + b.message() + "\n\n"
                + "Details: " + b.url() + "\n\n--\nManage your subscription: ";
        String html = "<!DOCTYPE html><html><body>"
                + "<h1>" + escape(b.title()) + "</h1><p><strong>" + escape(words(b.status())) + "</strong>"
                + (b.components().isEmpty() ? "" : " · Affects " + escape(String.join(", ", b.components()))) + "</p>"
                + Markdown.toSafeHtml(b.message())
                + "<p><a href=\"" + escape(b.url()) + "\">View on " + escape(page) + "</a></p><hr><p>";
        return new Rendered(page, headline(e, page), text, html);
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
