package dev.upbeat.cli;

import dev.upbeat.app.AdjustableClock;
import dev.upbeat.app.Upbeat;
import dev.upbeat.demo.SampleData;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** {@code upbeat demo}: like serve, and fills an empty database with sample data first. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Serve like 'serve', adding sample data (90 days of history) when the database is empty.")
public final class DemoCommand implements Callable<Integer>, Serving {

    @Override
    public Integer call() throws InterruptedException {
        return ServeCommand.run(true);
    }

    static void seedIfEmpty(Upbeat upbeat, AdjustableClock clock) {
        SampleData sample = new SampleData(upbeat, clock);
        if (sample.databaseIsEmpty()) {
            LoggerFactory.getLogger(DemoCommand.class).info("Empty database: adding sample data (90 days of history)");
            sample.load();
        }
    }
}
