package dev.upbeat.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upbeat.problem.Problem;
import dev.upbeat.testing.TestUpbeat;
import dev.upbeat.user.FailedAttempts;
import dev.upbeat.user.SessionRepository;
import dev.upbeat.user.SessionService;
import dev.upbeat.user.Totp;
import dev.upbeat.user.User;
import dev.upbeat.user.UserRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Authenticator codes on every database: each is accepted once, even by two sign-ins racing with
 * it on two connections. Subclasses name a fresh database.
 */
abstract class SecondFactorContract {
    private static final String SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // RFC 6238's SHA-1 key
    private static final Instant NOW = Instant.parse("2026-10-05T10:00:00Z");
    private static final String PASSWORD = "a long enough password";

    TestUpbeat t;
    SessionService sessions;

    abstract String freshDatabaseUrl();

    @BeforeEach
    void start() {
        t = TestUpbeat.services(freshDatabaseUrl());
        t.clock.set(NOW);
        sessions = new SessionService(t.upbeat.database(), new UserRepository(), new SessionRepository(), t.clock,
                Duration.ofHours(1), new FailedAttempts(100, Duration.ofMinutes(15), t.clock));
    }

    @AfterEach
    void stop() {
        t.close();
    }

    private String codeNow() {
        return Totp.code(SECRET, t.clock.instant().getEpochSecond() / 30);
    }

    private String signIn(String code) {
        try {
            sessions.signIn("careful@example.com", PASSWORD, code, "127.0.0.1");
            return "signed in";
        } catch (Problem p) {
            return p.field() + ": " + p.getMessage();
        }
    }

    @Test
    void two_sign_ins_racing_with_one_code_let_exactly_one_in() throws Exception {
        User u = t.upbeat.admin().users().add("careful@example.com", "editor", PASSWORD);
        t.upbeat.admin().users().enableTotp(u.id(), SECRET, codeNow(), null);
        assertThat(signIn(codeNow())).as("the enrolment code is spent").startsWith("code: ");

        t.clock.advance(Duration.ofSeconds(30));
        String code = codeNow();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> racers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            racers.add(pool.submit(() -> {
                go.await();
                return signIn(code);
            }));
        }
        go.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : racers) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(outcomes).containsExactlyInAnyOrder("signed in",
                "code: That code was used already; wait for your app to show the next one");
    }

    @Test
    void a_code_of_an_earlier_step_is_refused_once_a_later_one_was_used() {
        User u = t.upbeat.admin().users().add("careful@example.com", "editor", PASSWORD);
        t.upbeat.admin().users().enableTotp(u.id(), SECRET, codeNow(), null);
        t.clock.advance(Duration.ofSeconds(60));
        String previous = Totp.code(SECRET, t.clock.instant().getEpochSecond() / 30 - 1);
        assertThat(signIn(codeNow())).isEqualTo("signed in");
        assertThat(signIn(previous)).as("within the drift window, but older than the code used").startsWith("code: ");
        t.clock.advance(Duration.ofSeconds(30));
        assertThat(signIn(codeNow())).isEqualTo("signed in");
    }

    @Test
    void replacing_the_second_factor_takes_a_current_code_of_the_old_one_once() {
        String next = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        User u = t.upbeat.admin().users().add("careful@example.com", "editor", PASSWORD);
        t.upbeat.admin().users().enableTotp(u.id(), SECRET, codeNow(), null);
        t.clock.advance(Duration.ofSeconds(30));
        String newCode = Totp.code(next, t.clock.instant().getEpochSecond() / 30);
        assertThatThrownBy(() -> t.upbeat.admin().users().enableTotp(u.id(), next, newCode, null))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.field()).isEqualTo("current_code"));
        assertThat(signIn(codeNow())).isEqualTo("signed in");
        assertThatThrownBy(() -> t.upbeat.admin().users().enableTotp(u.id(), next, newCode, codeNow()))
                .as("the old factor's code was spent signing in").isInstanceOf(Problem.class);

        t.clock.advance(Duration.ofSeconds(30));
        String again = Totp.code(next, t.clock.instant().getEpochSecond() / 30);
        t.upbeat.admin().users().enableTotp(u.id(), next, again, codeNow());
        assertThat(t.upbeat.admin().users().require(u.id()).totpSecret()).isEqualTo(next);
        t.clock.advance(Duration.ofSeconds(30));
        assertThat(signIn(codeNow())).as("the old app no longer signs in").startsWith("code: ");
        assertThat(signIn(Totp.code(next, t.clock.instant().getEpochSecond() / 30))).isEqualTo("signed in");
    }
}
