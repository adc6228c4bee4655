package dev.upbeat.cli;

import dev.upbeat.app.AdjustableClock;
import dev.upbeat.app.Upbeat;
import dev.upbeat.config.ConfigLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

/** {@code upbeat serve}: runs the status service on PORT with the data that is there, inventing none. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the status page and API on PORT (default 8080) from DATABASE_URL.")
public final class ServeCommand implements Callable<Integer>, Serving {

    @Override
    public Integer call() throws InterruptedException {
        return run(false);
    }

    /** Starts Upbeat, optionally with sample data, and blocks until SIGTERM or SIGINT stops it gracefully. */
    static int run(boolean withSampleData) throws InterruptedException {
        AdjustableClock clock = AdjustableClock.system();
        Upbeat upbeat = new Upbeat(ConfigLoader.fromEnvironment(), clock);
        if (withSampleData) {
            DemoCommand.seedIfEmpty(upbeat, clock);
        }
        try {
            upbeat.start();
        } catch (RuntimeException e) {
            upbeat.close(); // simulator listeners and the pool may be open already
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            upbeat.close();
            stopped.countDown();
        }, "upbeat-shutdown"));
        stopped.await();
        return 0;
    }
}
