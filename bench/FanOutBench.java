import dev.upbeat.app.AdjustableClock;
import dev.upbeat.app.Upbeat;
import dev.upbeat.config.ConfigLoader;
import dev.upbeat.incident.IncidentDraft;
import dev.upbeat.testing.SmtpSink;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One incident fanned out to N email subscribers through a local SMTP sink (no delay), in one
 * JVM: Upbeat with its real outbox, workers and Angus Mail, the sink standing in for a provider.
 * Run with bench/notifications.sh.
 */
public class FanOutBench {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int workers = Integer.parseInt(args[1]);
        String database = System.getenv().getOrDefault("DATABASE_URL",
                "jdbc:sqlite:" + Files.createTempDirectory("upbeat-bench").resolve("upbeat.db"));
        try (SmtpSink sink = new SmtpSink(Duration.ZERO)) {
            Map<String, String> env = new HashMap<>(Map.of("PORT", "0", "UPBEAT_HOST", "127.0.0.1", "DATABASE_URL", database,
                    "SMTP_URL", "smtp://127.0.0.1:" + sink.port(), "UPBEAT_DELIVERY_CONCURRENCY", "email=" + workers,
                    "UPBEAT_DELIVERY_POLL", "PT0.5S", "UPBEAT_LOG_LEVEL", "WARN"));
            try (Upbeat upbeat = new Upbeat(new ConfigLoader(env).load(), AdjustableClock.system()).start()) {
                StringBuilder csv = new StringBuilder("channel,address\n");
                for (int k = 0; k < n; k++) {
                    csv.append("email,user").append(k).append("@example.com\n");
                }
                long importStart = System.nanoTime();
                var imported = upbeat.notifications().directory().importCsv(csv.toString());
                double importSeconds = (System.nanoTime() - importStart) / 1e9;

                long start = System.currentTimeMillis();
                upbeat.incidents().open(new IncidentDraft("Benchmark", null, "major", "Fan-out benchmark.", Map.of(), null, null, null));
                long enqueued = System.currentTimeMillis();
                while (sink.total() < n) {
                    Thread.sleep(50);
                }
                long last = sink.lastAt();
                double seconds = (last - start) / 1000.0;
                System.out.printf("subscribers:            %d (imported in %.1f s, %d added)%n", n, importSeconds, imported.added());
                System.out.printf("email workers:          %d%n", workers);
                System.out.printf("outbox write (1 tx):    %d ms%n", enqueued - start);
                System.out.printf("time to last delivery:  %.1f s%n", seconds);
                System.out.printf("messages per second:    %.0f%n", n / seconds);
                System.out.printf("duplicates:             %d%n", sink.total() - sink.perRecipient().size());
                System.out.printf("database:               %s%n", upbeat.database().dialect());
            }
        }
    }
}
