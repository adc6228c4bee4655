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
}
