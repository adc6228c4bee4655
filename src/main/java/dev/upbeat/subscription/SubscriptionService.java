package dev.upbeat.subscription;

import dev.upbeat.component.ComponentRepository;
import dev.upbeat.problem.Check;
import dev.upbeat.problem.Problem;
import dev.upbeat.storage.Database;
import dev.upbeat.storage.Tx;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Subscribing, opting in and managing a subscription. Public calls answer the same whether or
 * not the address is already subscribed, so they reveal nothing; an active subscription cannot be
 * changed by anyone but its holder (through its signed link) or an admin. Each call is one
 * transaction, opt-in messages included (through {@link ConfirmationOutbox}).
 */
public final class SubscriptionService {
    /** An SMS code is short, so it is short-lived and void after a few wrong tries. */
    static final Duration SMS_CODE_TTL = Duration.ofHours(1);
    static final int MAX_CODE_FAILURES = 5;

    private final Database db;
    private final SubscriberRepository subscribers;
    private final ComponentRepository components;
    private final ConfirmationOutbox outbox;
    private final TargetGuard guard;
    private final Signer signer;
    private final Links links;
    private final Map<Channel, String> unavailable;
    private final Clock clock;
    private final Runnable onChange;
    private final SecureRandom random = new SecureRandom();

    /** {@code unavailable}: channels that cannot be used, each with the setting that is missing. */
    public SubscriptionService(Database db, SubscriberRepository subscribers, ComponentRepository components,
                               ConfirmationOutbox outbox, TargetGuard guard, Signer signer, Links links,
                               Map<Channel, String> unavailable, Clock clock, Runnable onChange) {
        this.db = db;
        this.subscribers = subscribers;
        this.components = components;
        this.outbox = outbox;
        this.guard = guard;
        this.signer = signer;
        this.links = links;
        this.unavailable = unavailable;
        this.clock = clock;
        this.onChange = onChange;
    }

    /**
     * Starts a subscription (or, for an admin asking {@code confirmed}, adds an active one).
     * Returns the subscriber as stored; public callers must not show it.
     */
    public Subscriber subscribe(SubscribeRequest r, boolean admin) {
        Channel channel = Check.oneOf("channel", r.channel(), Channel::fromWire, Channel.WIRE_VALUES);
        if (unavailable.containsKey(channel)) {
            throw Problem.invalid("channel", "channel " + channel.wire() + " is not available here: " + unavailable.get(channel));
        }
        String address = Addresses.normalise(channel, r.address(), guard);
        String secret = Check.optionalText("secret", r.secret(), 200);
        if (secret != null && channel != Channel.WEBHOOK) {
            throw Problem.invalid("secret", "secret is only used by webhook subscribers");
        }
        boolean confirmNow = Boolean.TRUE.equals(r.confirmed());
        if (confirmNow && !admin) {
            throw Problem.unauthorized("\"confirmed\": true needs an admin token: send 'Authorization: Bearer <token>'");
        }
        List<String> filter = r.components() == null ? List.of() : List.copyOf(new LinkedHashSet<>(r.components()));
        Instant now = clock.instant();
        Subscriber stored = db.inTransaction(tx -> {
            checkComponents(tx, filter);
            Optional<Subscriber> existing = subscribers.lockByAddress(tx, channel, address);
            if (existing.isPresent() && existing.get().confirmed() && !confirmNow) {
                return existing.get(); // nothing changes, and the answer is the same: no enumeration
            }
            boolean active = confirmNow || !channel.needsOptIn();
            Subscriber s = new Subscriber(existing.map(Subscriber::id).orElseGet(this::newId), channel, address,
                    secret == null ? existing.map(Subscriber::secret).orElse(null) : secret, filter,
                    active ? existing.map(Subscriber::confirmedAt).filter(x -> x != null).orElse(now) : null,
                    active ? null : now, 0, existing.map(Subscriber::createdAt).orElse(now));
            if (existing.isPresent()) {
                subscribers.update(tx, s);
            } else {
                subscribers.insert(tx, s);
            }
            if (!active) {
                outbox.confirmationDue(tx, s);
            }
            return s;
        });
        onChange.run();
        return stored;
    }

    /** The channels this installation can deliver to, in wire form. */
    public List<Channel> channels() {
        return java.util.Arrays.stream(Channel.values()).filter(c -> !unavailable.containsKey(c)).toList();
    }

    /** Confirms the subscriber of a confirmation link; empty if the link is forged, expired or spent. */
    public Optional<Subscriber> confirmLink(String token) {
        Instant now = clock.instant();
        return links.confirmed(token, now).flatMap(id -> db.inTransaction(tx -> subscribers.find(tx, id).map(s -> {
            Subscriber done = s.confirmed() ? s : withConfirmation(s, now, null, 0);
            if (!s.confirmed()) {
                subscribers.update(tx, done);
            }
            return done;
        })));
    }

    /** Confirms an SMS subscriber by the code sent to it; wrong, expired or unknown all answer the same. */
    public boolean confirmCode(String phone, String code) {
        String address = Addresses.normalise(Channel.SMS, phone, guard);
        Instant now = clock.instant();
        boolean ok = db.inTransaction(tx -> subscribers.lockByAddress(tx, Channel.SMS, address).map(s -> {
            if (s.confirmed()) {
                return true;
            }
            boolean live = s.confirmIssuedAt() != null && s.confirmIssuedAt().plus(SMS_CODE_TTL).isAfter(now)
                    && s.confirmFailures() < MAX_CODE_FAILURES;
            boolean match = live && code != null && MessageDigest.isEqual(
                    signer.smsCode(s.id(), s.confirmIssuedAt()).getBytes(StandardCharsets.US_ASCII),
                    code.strip().getBytes(StandardCharsets.US_ASCII));
            subscribers.update(tx, match ? withConfirmation(s, now, null, 0)
                    : withConfirmation(s, null, s.confirmIssuedAt(), s.confirmFailures() + 1));
            return match;
        }).orElse(false));
        if (!ok) {
            throw Problem.invalid("code", "The code is wrong or has expired; codes last "
                    + SMS_CODE_TTL.toMinutes() + " minutes. Subscribe again for a new one.");
        }
        return true;
    }

    /** The subscriber a manage link belongs to. */
    public Subscriber managed(String token) {
        String id = links.managed(token).orElseThrow(() -> Problem.notFound("subscription", "(link)"));
        return db.read(tx -> subscribers.find(tx, id)).orElseThrow(() -> Problem.notFound("subscription", "(link)"));
    }

    /** Ends the subscription of a signed link; answering the same if it had already ended. */
    public void unsubscribe(String token) {
        links.managed(token).orElseThrow(() -> Problem.notFound("subscription", "(link)"));
        db.useTransaction(tx -> subscribers.delete(tx, links.managed(token).orElseThrow()));
    }

    /** Changes which components the holder of a manage link hears about; empty means all. */
    public Subscriber changeComponents(String token, List<String> filter) {
        Subscriber s = managed(token);
        List<String> chosen = filter == null ? List.of() : List.copyOf(new LinkedHashSet<>(filter));
        return db.inTransaction(tx -> {
            checkComponents(tx, chosen);
            Subscriber changed = new Subscriber(s.id(), s.channel(), s.address(), s.secret(), chosen, s.confirmedAt(),
                    s.confirmIssuedAt(), s.confirmFailures(), s.createdAt());
            subscribers.update(tx, changed);
            return changed;
        });
    }

    private void checkComponents(Tx tx, List<String> filter) {
        for (int i = 0; i < filter.size(); i++) {
            String id = filter.get(i);
            if (id == null || !components.exists(tx, id)) {
                throw Problem.invalid("components[" + i + "]", "components[" + i + "]: no component with id '" + id + "'");
            }
        }
    }

    private static Subscriber withConfirmation(Subscriber s, Instant confirmedAt, Instant issuedAt, int failures) {
        return new Subscriber(s.id(), s.channel(), s.address(), s.secret(), s.components(), confirmedAt, issuedAt,
                failures, s.createdAt());
    }

    private String newId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return "sub_" + HexFormat.of().formatHex(bytes);
    }
}
