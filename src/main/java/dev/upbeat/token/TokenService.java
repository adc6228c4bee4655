package dev.upbeat.token;

import dev.upbeat.problem.Check;
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
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues, checks and revokes API tokens. A token is 32 random bytes shown once; only its
 * SHA-256 is stored (a slow hash adds nothing for a secret with 256 bits of entropy, and would
 * cost every API call). {@code UPBEAT_ADMIN_TOKEN}, when set, is accepted too, for automation.
 */
public final class TokenService {
    public static final String PREFIX = "upb_";
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Database db;
    private final TokenRepository tokens;
    private final Clock clock;
    private final byte[] bootstrapHash;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, Instant> lastTouched = new ConcurrentHashMap<>();

    public TokenService(Database db, TokenRepository tokens, Clock clock, String bootstrapToken) {
        this.db = db;
        this.tokens = tokens;
        this.clock = clock;
        this.bootstrapHash = bootstrapToken == null || bootstrapToken.isBlank() ? null : sha256(bootstrapToken.strip());
    }

    /** A new token: the returned secret is not stored anywhere and cannot be shown again. */
    public IssuedToken create(String name) {
        String checked = Check.text("name", name, 100);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = new ApiToken(HexFormat.of().formatHex(sha256(secret), 0, 6), checked,
                HexFormat.of().formatHex(sha256(secret)), clock.instant(), null, null);
        db.useTransaction(tx -> {
            if (tokens.byName(tx, checked).isPresent()) {
                throw Problem.conflict("A token named '" + checked + "' already exists; revoke it or choose another name");
            }
            tokens.insert(tx, token);
        });
        return new IssuedToken(token, secret);
    }

    public List<ApiToken> list() {
        return db.read(tokens::all);
    }

    public ApiToken revoke(String nameOrId) {
        return db.inTransaction(tx -> {
            ApiToken t = tokens.byName(tx, nameOrId)
                    .or(() -> tokens.all(tx).stream().filter(x -> x.id().equals(nameOrId)).findFirst())
                    .orElseThrow(() -> Problem.notFound("token", nameOrId));
            tokens.revoke(tx, t.id(), clock.instant());
            return tokens.byName(tx, t.name()).orElseThrow();
        });
    }

    /** The name of the caller the bearer token belongs to, or empty when it is unknown or revoked. */
    public Optional<String> authenticate(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 200) {
            return Optional.empty();
        }
        byte[] hash = sha256(secret);
        if (bootstrapHash != null && MessageDigest.isEqual(hash, bootstrapHash)) {
            return Optional.of("UPBEAT_ADMIN_TOKEN");
        }
        Optional<ApiToken> token = db.read(tx -> tokens.byHash(tx, HexFormat.of().formatHex(hash))).filter(ApiToken::active);
        token.ifPresent(this::touch);
        return token.map(ApiToken::name);
    }

    /** Records last use at most once a minute per token, so reads of the API stay cheap. */
    private void touch(ApiToken token) {
        Instant now = clock.instant();
        Instant previous = lastTouched.get(token.id());
        if (previous == null || previous.plus(TOUCH_EVERY).isBefore(now)) {
            lastTouched.put(token.id(), now);
            db.useTransaction(tx -> tokens.touch(tx, token.id(), now));
        }
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A token together with its secret, as returned once at creation. */
    public record IssuedToken(ApiToken token, String secret) {
    }
}
