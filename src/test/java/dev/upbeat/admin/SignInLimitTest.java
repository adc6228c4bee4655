package dev.upbeat.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.testing.AdminClient;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Guessing passwords is slow: after UPBEAT_SIGN_IN_ATTEMPTS tries in 15 minutes, even the right password waits. */
class SignInLimitTest {

    @Test
    void sign_in_is_refused_with_429_after_too_many_attempts() {
        try (TestUpbeat t = TestUpbeat.started(TestDatabases.sqlite(), Map.of("UPBEAT_SIGN_IN_ATTEMPTS", "3"))) {
            t.upbeat.admin().users().add("admin@example.com", "admin", "the right password");
            String base = "http://127.0.0.1:" + t.upbeat.port();
            for (int i = 0; i < 3; i++) {
                var wrong = new AdminClient(base).signIn("admin@example.com", "a wrong password " + i);
                assertThat(wrong.status()).isEqualTo(401);
                assertThat(wrong.body()).contains("The email or password is wrong");
            }
            var limited = new AdminClient(base).signIn("admin@example.com", "the right password");
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.header("Retry-After")).isNotNull();
            assertThat(limited.body()).contains("Too many sign-in attempts");
            assertThat(limited.raw().headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("upbeat_session="));
        }
    }
}
