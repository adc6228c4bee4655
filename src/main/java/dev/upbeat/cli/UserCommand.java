package dev.upbeat.cli;

import dev.upbeat.app.AdjustableClock;
import dev.upbeat.app.Upbeat;
import dev.upbeat.config.ConfigLoader;
import dev.upbeat.user.Passwords;
import dev.upbeat.user.User;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code upbeat user add|list|remove}: the people who may sign in to the admin pages. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage admin users.",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Remove.class})
public final class UserCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: add, list or remove");
    }

    static <T> T withUpbeat(Function<Upbeat, T> work) {
        try (Upbeat upbeat = new Upbeat(ConfigLoader.fromEnvironment(), AdjustableClock.system())) {
            return work.apply(upbeat);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Add a user. The password is read from standard input when it is not a terminal, "
                    + "otherwise asked for twice; with --generate-password (or empty input) one is made and printed once."})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "EMAIL", description = "The email the user signs in with")
        String email;
        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "admin or editor")
        String role;
        @Option(names = "--generate-password", description = "Make a random password and print it once")
        boolean generate;

        @Override
        public Integer call() throws IOException {
            String password = generate ? null : readPassword();
            boolean generated = password == null || password.isEmpty();
            String chosen = generated ? Passwords.generate() : password;
            User user = withUpbeat(u -> {
                User added = u.admin().users().add(email, role, chosen);
                u.admin().audit().record("cli", "user.add", added.email(), added.role().wire());
                return added;
            });
            if (generated) {
                spec.commandLine().getOut().println(chosen);
                spec.commandLine().getErr().println("Generated password printed above. Store it now: it cannot be shown again.");
            }
            spec.commandLine().getErr().println("User " + user.email() + " added as " + user.role().wire() + ".");
            return 0;
        }

        private String readPassword() throws IOException {
            Console console = System.console();
            if (console == null || !isTerminal(console)) {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                return line == null ? null : line.strip();
            }
            char[] first = console.readPassword("Password for %s (empty: generate one): ", email);
            if (first == null || first.length == 0) {
                return null;
            }
            char[] again = console.readPassword("Again: ");
            if (!Arrays.equals(first, again)) {
                throw new IllegalArgumentException("The two passwords differ; nothing was changed");
            }
            return new String(first);
        }

        /** Console.isTerminal arrived in JDK 22; on 21 a console exists only for a terminal. */
        private static boolean isTerminal(Console console) {
            try {
                return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
            } catch (ReflectiveOperationException e) {
                return true;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users and their roles.")
    static final class ListUsers implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            out.printf("%-40s %-8s %-6s %s%n", "EMAIL", "ROLE", "2FA", "CREATED");
            for (User u : withUpbeat(up -> up.admin().users().list())) {
                out.printf("%-40s %-8s %-6s %s%n", u.email(), u.role().wire(), u.hasSecondFactor() ? "on" : "off", u.createdAt());
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a user and end their sessions.")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "EMAIL", description = "The user's email")
        String email;

        @Override
        public Integer call() {
            User removed = withUpbeat(u -> {
                User found = u.admin().users().list().stream().filter(x -> x.email().equalsIgnoreCase(email.strip())).findFirst()
                        .orElseThrow(() -> dev.upbeat.problem.Problem.notFound("user", email));
                User r = u.admin().users().remove(found.id());
                u.admin().audit().record("cli", "user.remove", r.email(), null);
                return r;
            });
            spec.commandLine().getOut().println("User " + removed.email() + " removed.");
            return 0;
        }
    }
}
