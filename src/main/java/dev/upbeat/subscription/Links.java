package dev.upbeat.subscription;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The signed links in subscribers' messages. Manage and unsubscribe links never expire (they work
 * until the subscriber is removed); a confirmation link expires {@code confirmTtl} after it was
 * issued. Tokens carry the subscriber id (random, not the address) so a link reveals nothing.
 */
public final class Links {
    static final String MANAGE = "manage";
    static final String CONFIRM = "confirm";
    static final String FORM = "form";

    private final URI base;
    private final Signer signer;
    private final Duration confirmTtl;

    public Links(URI base, Signer signer, Duration confirmTtl) {
        this.base = base;
        this.signer = signer;
        this.confirmTtl = confirmTtl;
    }

    public String manage(Subscriber s) {
        return base + "/subscriptions/manage?t=" + signer.sign(MANAGE, s.id());
    }

    /** The RFC 8058 one-click target: a POST here ends the subscription. */
    public String unsubscribe(Subscriber s) {
        return base + "/subscriptions/unsubscribe?t=" + signer.sign(MANAGE, s.id());
    }

    public String confirm(Subscriber s) {
        return base + "/subscriptions/confirm?t=" + signer.sign(CONFIRM, s.id() + "~" + s.confirmIssuedAt().toEpochMilli());
    }

    public String incident(String kind, long id) {
        return base + ("maintenance".equals(kind) ? "/maintenance/" : "/incidents/") + id;
    }

    public String page() {
        return base.toString();
    }

    public Duration confirmTtl() {
        return confirmTtl;
    }

    /** The subscriber id of a manage or unsubscribe token. */
    public Optional<String> managed(String token) {
        return signer.verify(MANAGE, token);
    }

    /** Subscriber id and issue time of a confirmation token, if signed and not expired at {@code now}. */
    public Optional<String> confirmed(String token, Instant now) {
        return signer.verify(CONFIRM, token).flatMap(p -> {
            String[] parts = p.split("~", 2);
            if (parts.length != 2 || !parts[1].matches("\\d{1,15}")) {
                return Optional.empty();
            }
            Instant issued = Instant.ofEpochMilli(Long.parseLong(parts[1]));
            return issued.plus(confirmTtl).isAfter(now) ? Optional.of(parts[0]) : Optional.empty();
        });
    }

    /** An anti-forgery token for the public subscribe form, valid for a day. */
    public String formToken(Instant now) {
        return signer.sign(FORM, Long.toString(now.getEpochSecond()));
    }

    public boolean formTokenValid(String token, Instant now) {
        return signer.verify(FORM, token).filter(p -> p.matches("\\d{1,12}"))
                .map(p -> Instant.ofEpochSecond(Long.parseLong(p)))
                .filter(issued -> !issued.isAfter(now.plusSeconds(60)) && issued.plus(Duration.ofDays(1)).isAfter(now))
                .isPresent();
    }
}
