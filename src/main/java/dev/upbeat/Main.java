package dev.upbeat;

import dev.upbeat.cli.AdvisoryCommand;
import dev.upbeat.cli.CheckConfigCommand;
import dev.upbeat.cli.ComponentCommand;
import dev.upbeat.cli.DemoCommand;
import dev.upbeat.cli.DrillCommand;
import dev.upbeat.cli.Logs;
import dev.upbeat.cli.MigrateCommand;
import dev.upbeat.cli.ProbeCommand;
import dev.upbeat.cli.SbomCommand;
import dev.upbeat.cli.ServeCommand;
import dev.upbeat.cli.StatusCommand;
import dev.upbeat.cli.SimCommand;
import dev.upbeat.cli.TokenCommand;
import dev.upbeat.cli.UserCommand;
import dev.upbeat.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code upbeat} command: only the root, its subcommands live in {@code cli}. */
@Command(name = "upbeat", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Status page, uptime history and downtime simulator.",
        subcommands = {ServeCommand.class, DemoCommand.class, StatusCommand.class, TokenCommand.class, UserCommand.class,
                MigrateCommand.class, CheckConfigCommand.class, SimCommand.class, DrillCommand.class, ProbeCommand.class, ComponentCommand.class, SbomCommand.class, AdvisoryCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        CommandLine cli = commandLine();
        cli.setExecutionStrategy(parsed -> {
            Logs.forCommand(parsed, System.getenv());
            return new CommandLine.RunLast().execute(parsed);
        });
        System.exit(cli.execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof ConfigException || e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
                        cmd.getErr().println("upbeat: " + e.getMessage());
                        return 1;
                    }
                    if (e instanceof dev.upbeat.problem.Problem p) {
                        cmd.getErr().println("upbeat: " + p.getMessage());
                        return 1;
                    }
                    throw e;
                });
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'upbeat demo' or 'upbeat --help'");
    }

    /** The version Maven wrote into {@code version.properties}: the same from the jar and from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws java.io.IOException {
            java.util.Properties build = new java.util.Properties();
            try (var in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    build.load(in);
                }
            }
            return new String[] {"upbeat " + build.getProperty("version", "(unknown: version.properties is missing)")};
        }
    }
}
