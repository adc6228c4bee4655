package dev.upbeat.user;

import dev.upbeat.problem.Problem;
import dev.upbeat.storage.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Signing in and out, and finding the session behind a cookie. A session id is 32 random bytes
 * that only the browser holds; the database keeps its SHA-256, so every instance sharing the
 * database knows every session. A session ends {@code idleTimeout} after its last use.
 * Failed sign-ins are limited per client address and per email.
 */
public final class SessionService {
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Database db;
    private final UserRepository users;
    private final SessionRepository sessions;
    private final Clock clock;
    private final Duration idleTimeout;
    private final FailedAttempts failures;
    private final SecureRandom random = new SecureRandom();

    public SessionService(Database db, UserRepository users, SessionRepository sessions, Clock clock, Duration idleTimeout,
                          FailedAttempts failures) {
        this.db = db;
        this.users = users;
        this.sessions = sessions;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.failures = failures;
    }

    /** A new session: {@code id} goes into the cookie and is not stored anywhere. */
    public record SignedIn(String id, Session session) {
    }

    public SignedIn signIn(String email, String password, String code, String client) {
        String address = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
        List<String> keys = List.of("client:" + client, "email:" + address);
        keys.forEach(this::throttle);
        Optional<User> found = db.read(tx -> users.byEmail(tx, address));
        boolean ok = Passwords.matches(password == null ? "" : password, found.map(User::passwordHash).orElse(null));
        if (!ok) {
            keys.forEach(failures::failed);
            throw Problem.unauthorized("The email or password is wrong");
        }
        User user = found.orElseThrow();
        Instant now = clock.instant();
        OptionalLong step = user.hasSecondFactor() ? Totp.step(user.totpSecret(), code, now) : OptionalLong.empty();
        if (user.hasSecondFactor() && step.isEmpty()) {
            if (code != null && !code.isBlank()) {
                keys.forEach(failures::failed);
            }
            throw Problem.invalid("code", "Enter the six-digit code from your authenticator app");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        db.useTransaction(tx -> {
            if (step.isPresent() && !users.useTotpStep(tx, user.id(), step.getAsLong())) {
                keys.forEach(failures::failed);
                throw Problem.invalid("code", "That code was used already; wait for your app to show the next one");
            }
            sessions.deleteExpired(tx, now);
            sessions.insert(tx, hash(id), user.id(), now, now.plus(idleTimeout));
        });
        return new SignedIn(id, new Session(hash(id), user, csrfToken(id), now, now.plus(idleTimeout)));
    }

    /** The live session behind a cookie value, extended on use. */
    public Optional<Session> find(String id) {
        if (id == null || id.isBlank() || id.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String h = hash(id);
        return db.read(tx -> sessions.find(tx, h)).filter(r -> r.expiresAt().isAfter(now)).map(r -> {
            if (r.lastSeenAt().plus(TOUCH_EVERY).isBefore(now)) {
                db.useTransaction(tx -> sessions.extend(tx, h, now, now.plus(idleTimeout)));
            }
            return new Session(h, r.user(), csrfToken(id), now, now.plus(idleTimeout));
        });
    }

    public void signOut(String id) {
        if (id != null && !id.isBlank()) {
            db.useTransaction(tx -> sessions.delete(tx, hash(id)));
        }
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    private void throttle(String key) {
        failures.blocked(key).ifPresent(wait -> {
            throw Problem.tooManyRequests("Too many sign-in attempts; try again in " + Math.max(1, wait.toMinutes()) + " minute(s)");
        });
    }

    /** Tied to the session and not derivable from what the database stores (the hash of the id). */
    private static String csrfToken(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256("csrf:" + id));
    }

    private static String hash(String id) {
        return HexFormat.of().formatHex(sha256(id));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
