package dev.upbeat.user;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps make them: HMAC-SHA1, 30-second
 * steps, six digits, Base32 secrets. One step either side is accepted for clock drift. A code is
 * single-use only if the caller remembers the step it matched ({@link #step}) and refuses that step
 * and every earlier one afterwards, as RFC 6238 section 5.2 asks.
 */
public final class Totp {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final long STEP_SECONDS = 30;
    /** RFC 4226 section 4 requires at least 128 bits of shared secret (and recommends 160). */
    static final int MIN_SECRET_BITS = 128;
    private static final int MAX_SECRET_CHARS = 128;

    private Totp() {
    }

    /** A new 160-bit secret in Base32, the form apps accept. */
    public static String newSecret() {
        byte[] bytes = new byte[20];
        new SecureRandom().nextBytes(bytes);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bytes.length * 8; i += 5) {
            int chunk = 0;
            for (int b = 0; b < 5; b++) {
                int bit = i + b;
                chunk = (chunk << 1) | ((bytes[bit / 8] >> (7 - bit % 8)) & 1);
            }
            out.append(ALPHABET.charAt(chunk));
        }
        return out.toString();
    }

    /** The address an authenticator app reads (typed in or pasted). */
    public static String uri(String issuer, String account, String secret) {
        String i = java.net.URLEncoder.encode(issuer, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        String a = java.net.URLEncoder.encode(account, java.nio.charset.StandardCharsets.UTF_8);
        return "otpauth://totp/" + i + ":" + a + "?secret=" + secret + "&issuer=" + i;
    }

    public static boolean valid(String secret, String code, Instant now) {
        return step(secret, code, now).isPresent();
    }

    /** The step {@code code} belongs to, within one step of {@code now}; empty if it matches none. */
    public static OptionalLong step(String secret, String code, Instant now) {
        // Any decodable key, not only a well-formed one: a short key enrolled before keys were checked
        // must not lock its owner out.
        if (secret == null || !base32(secret, 8) || code == null || !code.strip().matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        long step = now.getEpochSecond() / STEP_SECONDS;
        for (long s = step - 1; s <= step + 1; s++) {
            if (code(secret, s).equals(code.strip())) {
                return OptionalLong.of(s);
            }
        }
        return OptionalLong.empty();
    }

    /**
     * Whether {@code secret} is Base32 (RFC 4648, padding optional) carrying at least
     * {@link #MIN_SECRET_BITS} bits: a shorter key is guessable, an empty one cannot key an HMAC.
     */
    public static boolean wellFormed(String secret) {
        return base32(secret, MIN_SECRET_BITS);
    }

    private static boolean base32(String secret, int minBits) {
        String s = secret.replace("=", "").toUpperCase(java.util.Locale.ROOT);
        return s.length() <= MAX_SECRET_CHARS && s.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)
                && s.length() * 5 / 8 * 8 >= minBits;
    }

    /** The code for one 30-second step (public for tests and enrolment checks). */
    public static String code(String secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(decode(secret), "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = h[h.length - 1] & 0x0f;
            int n = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8) | (h[offset + 3] & 0xff);
            return String.format("%06d", n % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    static byte[] decode(String base32) {
        String s = base32.replace("=", "").toUpperCase(java.util.Locale.ROOT);
        byte[] out = new byte[s.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (char c : s.toCharArray()) {
            buffer = (buffer << 5) | ALPHABET.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }
}
