package dev.upbeat.cli;

import dev.upbeat.config.ConfigLoader;
import dev.upbeat.config.UpbeatConfig;
import dev.upbeat.storage.Database;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code upbeat migrate}: brings the database schema up to date and exits (serve does this too). */
@Command(name = "migrate", mixinStandardHelpOptions = true, description = "Apply database migrations to DATABASE_URL and exit.")
public final class MigrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        UpbeatConfig config = ConfigLoader.fromEnvironment();
        try (Database db = Database.open(config.database())) {
            var result = db.migrate();
            spec.commandLine().getOut().printf("Database %s is at schema version %s (%d migration(s) applied)%n",
                    config.database().describe(), result.version(), result.applied());
        }
        return 0;
    }
}
