package dev.upbeat.subscription;

import dev.upbeat.storage.Database;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks the tokens in subscribers' links (manage, unsubscribe, confirm), the subscribe
 * form's anti-forgery token, and derives SMS codes, all with one HMAC-SHA256 key: from
 * {@code UPBEAT_SIGNING_KEY}, or generated once and kept in the database. Nothing here needs a
 * session or a stored token: a link is valid because Upbeat signed it.
 */
public final class Signer {
    private final byte[] key;

    private Signer(byte[] key) {
        this.key = key;
    }

    public static Signer of(String key) {
        return new Signer(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The configured key, or the one kept in the database (generated on first use). */
    public static Signer load(Database db, String configured) {
        if (configured != null) {
            return of(configured);
        }
        SigningKeyRepository keys = new SigningKeyRepository();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String candidate = HexFormat.of().formatHex(random);
        return of(db.inTransaction(tx -> keys.find(tx).orElseGet(() -> keys.putIfAbsent(tx, candidate))));
    }

    /** {@code payload.signature}, URL-safe; payload must not contain a dot-free secret. */
    public String sign(String purpose, String payload) {
        return payload + "." + mac(purpose + ":" + payload, 16);
    }

    /** The payload of a token signed for {@code purpose}, if the signature holds. */
    public Optional<String> verify(String purpose, String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        byte[] expected = mac(purpose + ":" + payload, 16).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.of(payload) : Optional.empty();
    }

    /** A six-digit code for an SMS subscriber, fixed by the time the code was issued. */
    public String smsCode(String subscriberId, Instant issuedAt) {
        byte[] h = raw("sms:" + subscriberId + ":" + issuedAt.toEpochMilli());
        int n = ((h[0] & 0x7f) << 24) | ((h[1] & 0xff) << 16) | ((h[2] & 0xff) << 8) | (h[3] & 0xff);
        return String.format("%06d", n % 1_000_000);
    }

    private String mac(String data, int bytes) {
        byte[] h = raw(data);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(h, bytes));
    }

    private byte[] raw(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Hex HMAC-SHA256 of {@code body} under {@code secret}: the webhook signature. */
    public static String hmacHex(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
