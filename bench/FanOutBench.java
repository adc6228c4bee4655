import dev.upbeat.app.AdjustableClock;
import dev.upbeat.app.Upbeat;
import dev.upbeat.config.ConfigLoader;
import dev.upbeat.incident.IncidentDraft;
import dev.upbeat.testing.SmtpSink;
import dev.upbeat.testing.TestDatabases;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One incident fanned out to N email subscribers through a local SMTP sink (no delay), in one
 * JVM: Upbeat with its real outbox, workers and Angus Mail, the sink standing in for a provider.
 * On SQLite (or DATABASE_URL), or on an embedded PostgreSQL started for the run (no install).
 * Run with bench/notifications.sh.
 */
public class FanOutBench {
    static final int CORES = Runtime.getRuntime().availableProcessors();

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int workers = Integer.parseInt(args[1]);
        String database = switch (args.length > 2 ? args[2] : "sqlite") {
            case "postgresql" -> TestDatabases.postgresql();
            case "sqlite" -> System.getenv().getOrDefault("DATABASE_URL",
                    "jdbc:sqlite:" + Files.createTempDirectory("upbeat-bench").resolve("upbeat.db"));
            default -> throw new IllegalArgumentException("database: sqlite or postgresql, not " + args[2]);
        };
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

                double jvmCpuStart = jvmCpuSeconds();
                double pgCpuStart = postgresCpuSeconds();
                long start = System.currentTimeMillis();
                upbeat.incidents().open(new IncidentDraft("Benchmark", null, "major", "Fan-out benchmark.", Map.of(), null, null, null));
                long enqueued = System.currentTimeMillis();
                while (sink.total() < n) {
                    Thread.sleep(50);
                }
                long last = sink.lastAt();
                double jvmCpu = jvmCpuSeconds() - jvmCpuStart;
                double pgCpu = postgresCpuSeconds() - pgCpuStart;
                double seconds = (last - start) / 1000.0;
                System.out.printf("subscribers:            %d (imported in %.1f s, %d added)%n", n, importSeconds, imported.added());
                System.out.printf("email workers:          %d%n", workers);
                System.out.printf("outbox write (1 tx):    %d ms%n", enqueued - start);
                System.out.printf("time to last delivery:  %.1f s%n", seconds);
                System.out.printf("messages per second:    %.0f%n", n / seconds);
                System.out.printf("duplicates:             %d%n", sink.total() - sink.perRecipient().size());
                System.out.printf("database:               %s%n", upbeat.database().dialect());
                System.out.printf("CPU from the incident:  %.1f s in this JVM (Upbeat and the sink), %.1f s in PostgreSQL%n", jvmCpu, pgCpu);
                System.out.printf("CPU-bound floor:        %.1f s on %d idle cores%n", (jvmCpu + pgCpu) / CORES, CORES);
                System.out.printf("load average (1 min):   %.2f%n", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
            }
        }
    }

    static double jvmCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /**
     * CPU time of the embedded PostgreSQL started by this run: every process whose working directory
     * is under this worktree's target/embedded-postgres (PostgreSQL runs in its data directory).
     * Backends that ended during the run are not counted; the pool keeps its connections open.
     */
    static double postgresCpuSeconds() throws Exception {
        java.nio.file.Path data = java.nio.file.Path.of("target", "embedded-postgres").toAbsolutePath();
        double ticks = 0;
        try (var procs = Files.list(java.nio.file.Path.of("/proc"))) {
            for (java.nio.file.Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    if (!Files.readSymbolicLink(p.resolve("cwd")).startsWith(data)) {
                        continue;
                    }
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
                } catch (java.io.IOException | RuntimeException gone) {
                    // not ours to read, or ended meanwhile
                }
            }
        }
        return ticks / 100.0; // USER_HZ
    }
}
