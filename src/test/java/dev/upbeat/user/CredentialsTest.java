package dev.upbeat.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Password hashes and one-time codes, checked against their specifications. */
class CredentialsTest {

    @Test
    void a_password_hash_is_salted_slow_and_verifies_only_the_right_password() {
        String a = Passwords.hash("correct horse battery");
        String b = Passwords.hash("correct horse battery");
        assertThat(a).startsWith("pbkdf2-sha256$600000$").isNotEqualTo(b);
        assertThat(Passwords.matches("correct horse battery", a)).isTrue();
        assertThat(Passwords.matches("correct horse batterY", a)).isFalse();
        assertThat(Passwords.matches("correct horse battery", null)).as("unknown user").isFalse();
    }

    @Test
    void totp_codes_match_the_rfc_6238_sha1_test_vectors() {
        String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // Base32 of "12345678901234567890"
        assertThat(Totp.code(secret, 59 / 30)).isEqualTo("287082");
        assertThat(Totp.code(secret, 1111111109L / 30)).isEqualTo("081804");
        assertThat(Totp.code(secret, 1111111111L / 30)).isEqualTo("050471");
        assertThat(Totp.code(secret, 1234567890L / 30)).isEqualTo("005924");
        assertThat(Totp.code(secret, 2000000000L / 30)).isEqualTo("279037");
        assertThat(Totp.code(secret, 20000000000L / 30)).as("a time past 2^32 seconds").isEqualTo("353130");
        assertThat(Totp.valid(secret, "081804", Instant.ofEpochSecond(1111111109L + 30))).as("one step of drift").isTrue();
        assertThat(Totp.valid(secret, "081804", Instant.ofEpochSecond(1111111109L + 95))).isFalse();
        assertThat(Totp.newSecret()).matches("[A-Z2-7]{32}");
    }

    @Test
    void a_code_is_matched_to_its_own_step_within_one_step_of_drift() {
        String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        Instant at = Instant.ofEpochSecond(1111111109L);
        assertThat(Totp.step(secret, "081804", at)).hasValue(1111111109L / 30);
        assertThat(Totp.step(secret, "081804", at.plusSeconds(30))).as("from the next step").hasValue(1111111109L / 30);
        assertThat(Totp.step(secret, "081804", at.minusSeconds(30))).as("from the step before").hasValue(1111111109L / 30);
        assertThat(Totp.step(secret, "081804", at.plusSeconds(60))).isEmpty();
        assertThat(Totp.step(secret, "050471", Instant.ofEpochSecond(1111111111L))).hasValue(1111111111L / 30);
    }

    @Test
    void a_secret_must_be_base32_of_at_least_128_bits_and_a_bad_one_matches_no_code() {
        assertThat(Totp.wellFormed("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")).isTrue();
        assertThat(Totp.wellFormed("gezdgnbvgy3tqojqgezdgnbvgy")).as("26 characters, 130 bits, any case").isTrue();
        assertThat(Totp.wellFormed("GEZDGNBVGY3TQOJQGEZDGNBVGY======")).as("padded").isTrue();
        assertThat(Totp.wellFormed("GEZDGNBVGY3TQOJQGEZDGNBVG")).as("25 characters, 120 bits").isFalse();
        assertThat(Totp.wellFormed("")).isFalse();
        assertThat(Totp.wellFormed("A")).isFalse();
        assertThat(Totp.wellFormed("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJ1")).as("1 is not Base32").isFalse();
        assertThat(Totp.valid("", "123456", Instant.EPOCH)).isFalse();
        assertThat(Totp.valid("A", "123456", Instant.EPOCH)).isFalse();
        assertThat(Totp.valid("GEZDGNBV", Totp.code("GEZDGNBV", 0), Instant.EPOCH)).as("a short key stored earlier still works").isTrue();
    }
}
