package dev.upbeat.notification;

import dev.upbeat.component.ComponentRepository;
import dev.upbeat.config.NotificationConfig;
import dev.upbeat.config.UpbeatConfig;
import dev.upbeat.storage.Database;
import dev.upbeat.subscription.Channel;
import dev.upbeat.subscription.Links;
import dev.upbeat.subscription.RateLimit;
import dev.upbeat.subscription.Signer;
import dev.upbeat.subscription.SubscriberDirectory;
import dev.upbeat.subscription.SubscriberRepository;
import dev.upbeat.subscription.SubscriptionService;
import dev.upbeat.subscription.TargetGuard;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * Subscriptions and notifications wired from the config: the outbox the incident services write
 * to, the subscription services, the senders of the configured channels and their workers.
 * Built and owned by the composition root; {@link #start()} starts the workers.
 */
public final class Notifications implements AutoCloseable {
    private final Links links;
    private final OutboxMetrics metrics;
    private final Outbox outbox;
    private final SubscriptionService subscriptions;
    private final SubscriberDirectory directory;
    private final DeliveryLog log;
    private final Dispatcher dispatcher;
    private final RateLimit subscribeLimit;
    private final WebPoster webhooks;
    private final WebPoster providers;

    /**
     * With the page's name asked each time a message is written, so a renamed page signs its messages
     * anew; {@code instance} names this process in the delivery claims it holds.
     */
    public Notifications(UpbeatConfig config, Database db, ComponentRepository components, Clock clock,
                         java.util.function.Supplier<String> pageName, String instance,
                         io.micrometer.core.instrument.MeterRegistry registry) {
        NotificationConfig n = config.notifications();
        Signer signer = Signer.load(db, n.signingKey());
        this.links = new Links(config.baseUrl(), signer, n.confirmTtl());
        TargetGuard guard = new TargetGuard(n.webhookAllow());
        DeliveryRepository deliveries = new DeliveryRepository();
        SubscriberRepository subscribers = new SubscriberRepository();
        this.outbox = new Outbox(deliveries, components, links, clock);
        Composer composer = new Composer(pageName, links, signer);
        this.webhooks = WebPoster.guarded(guard);
        this.providers = WebPoster.unguarded();
        Map<Channel, Sender> senders = senders(n, composer);
        Map<Channel, Integer> threads = new EnumMap<>(Channel.class);
        for (Channel c : Channel.values()) {
            threads.put(c, n.concurrency(c.wire()));
        }
        this.metrics = new OutboxMetrics(registry, db, deliveries, clock);
        this.dispatcher = new Dispatcher(db, deliveries, subscribers, senders,
                new Dispatcher.Policy(n.maxAttempts(), new Backoff(n.backoff(), n.backoffMax()), n.lease(), n.poll(), threads), clock, instance,
                metrics);
        this.subscriptions = new SubscriptionService(db, subscribers, components, outbox, guard, signer, links,
                unavailable(n), clock, dispatcher::wake);
        this.directory = new SubscriberDirectory(db, subscribers, components, guard, clock);
        this.log = new DeliveryLog(db, new DeliveryLogRepository(), deliveries, clock, dispatcher::wake);
        this.subscribeLimit = new RateLimit(n.subscribeLimit(), n.subscribeWindow(), clock);
    }

    private Map<Channel, Sender> senders(NotificationConfig n, Composer composer) {
        Map<Channel, Sender> senders = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            // No default: a new channel must be given its sender (or none, when unconfigured) here.
            Sender sender = switch (channel) {
                case EMAIL -> n.smtpUrl() == null ? null : new EmailSender(n.smtpUrl(), n.mailFrom(), composer);
                case SMS -> n.twilio().configured() ? new SmsSender(n.twilio(), providers, composer) : null;
                case WEBHOOK -> new WebhookSender(webhooks, composer);
                case SLACK, TEAMS -> new ChatSender(channel, webhooks, composer);
            };
            if (sender != null) {
                senders.put(channel, sender);
            }
        }
        return senders;
    }

    private static Map<Channel, String> unavailable(NotificationConfig n) {
        Map<Channel, String> missing = new EnumMap<>(Channel.class);
        if (n.smtpUrl() == null) {
            missing.put(Channel.EMAIL, "SMTP_URL is not set");
        }
        if (!n.twilio().configured()) {
            missing.put(Channel.SMS, "UPBEAT_TWILIO_ACCOUNT_SID, UPBEAT_TWILIO_AUTH_TOKEN and UPBEAT_TWILIO_FROM are not all set");
        }
        return missing;
    }

    public void start() {
        dispatcher.start();
    }

    /** After a committed change: idle workers look for new deliveries now rather than at their next poll. */
    public void wake() {
        dispatcher.wake();
    }

    public Outbox outbox() {
        return outbox;
    }

    public OutboxMetrics metrics() {
        return metrics;
    }

    public Links links() {
        return links;
    }

    public SubscriptionService subscriptions() {
        return subscriptions;
    }

    public SubscriberDirectory directory() {
        return directory;
    }

    public DeliveryLog log() {
        return log;
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    public RateLimit subscribeLimit() {
        return subscribeLimit;
    }

    @Override
    public void close() {
        dispatcher.close();
        webhooks.close();
        providers.close();
    }
}
