package dev.upbeat.testing;

import dev.upbeat.app.AdjustableClock;
import dev.upbeat.app.Upbeat;
import dev.upbeat.config.ConfigLoader;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/** A real Upbeat on a free port with a fresh database and a clock the test can move. */
public final class TestUpbeat implements AutoCloseable {
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";

    public final AdjustableClock clock;
    public final Upbeat upbeat;
    public final Http http;

    private TestUpbeat(String databaseUrl, Map<String, String> extraEnv, boolean start) {
        this(databaseUrl, extraEnv, start, t -> { });
    }

    private TestUpbeat(String databaseUrl, Map<String, String> extraEnv, boolean start, Consumer<TestUpbeat> beforeStart) {
        // Served instances tell real time; service-level ones stand still until the test moves them.
        this.clock = start ? AdjustableClock.system()
                : new AdjustableClock(java.time.Clock.fixed(java.time.Instant.now(), java.time.ZoneOffset.UTC));
        Map<String, String> env = new HashMap<>();
        env.put("PORT", "0");
        env.put("UPBEAT_HOST", "127.0.0.1");
        env.put("UPBEAT_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("UPBEAT_BASE_URL", "https://status.example.test");
        env.putAll(extraEnv);
        env.put("DATABASE_URL", databaseUrl);
        this.upbeat = new Upbeat(new ConfigLoader(env).load(), clock);
        beforeStart.accept(this);
        if (start) {
            upbeat.start();
            this.http = new Http("http://127.0.0.1:" + upbeat.port());
        } else {
            this.http = null;
        }
    }

    public static TestUpbeat started() {
        return new TestUpbeat(TestDatabases.sqlite(), Map.of(), true);
    }

    /** Served after {@code fill} has written to it, as {@code upbeat demo} seeds before serving. */
    public static TestUpbeat started(Consumer<TestUpbeat> fill) {
        return new TestUpbeat(TestDatabases.sqlite(), Map.of(), true, fill);
    }

    /** Served after {@code fill} has written to it, with extra settings. */
    public static TestUpbeat started(Map<String, String> env, Consumer<TestUpbeat> fill) {
        return new TestUpbeat(TestDatabases.sqlite(), env, true, fill);
    }

    public static TestUpbeat started(String database, Map<String, String> env) {
        return new TestUpbeat(database, env, true);
    }

    /** Built but not serving: for service-level tests. */
    public static TestUpbeat services(String database) {
        return new TestUpbeat(database, Map.of(), false);
    }

    /** Built but not serving, with extra settings. */
    public static TestUpbeat services(String database, Map<String, String> env) {
        return new TestUpbeat(database, env, false);
    }

    @Override
    public void close() {
        upbeat.close();
    }
}
