package dev.upbeat.cli;

import dev.upbeat.app.AdjustableClock;
import dev.upbeat.app.Upbeat;
import dev.upbeat.config.ConfigLoader;
import dev.upbeat.token.ApiToken;
import dev.upbeat.token.TokenService;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code upbeat token create|list|revoke}: API tokens for writes. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Manage API tokens.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
public final class TokenCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: create, list or revoke");
    }

    static <T> T withTokens(java.util.function.Function<TokenService, T> work) {
        try (Upbeat upbeat = new Upbeat(ConfigLoader.fromEnvironment(), AdjustableClock.system())) {
            return work.apply(upbeat.tokens());
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a token and print it once; only its hash is stored.")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME", description = "What the token is for, e.g. ci or pagerduty")
        String name;

        @Override
        public Integer call() {
            TokenService.IssuedToken issued = withTokens(t -> t.create(name));
            PrintWriter out = spec.commandLine().getOut();
            out.println(issued.secret());
            spec.commandLine().getErr().println("Token '" + issued.token().name() + "' created. Store it now: it cannot be shown again.");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never their secrets).")
    static final class ListTokens implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-14s %-24s %-25s %-25s %s%n", "ID", "NAME", "CREATED", "LAST USED", "STATE");
            for (ApiToken t : withTokens(TokenService::list)) {
                out.printf("%-14s %-24s %-25s %-25s %s%n", t.id(), t.name(), t.createdAt(),
                        t.lastUsedAt() == null ? "never" : t.lastUsedAt(), t.active() ? "active" : "revoked " + t.revokedAt());
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token by name or id.")
    static final class Revoke implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME", description = "The token's name or id")
        String name;

        @Override
        public Integer call() {
            ApiToken t = withTokens(tokens -> tokens.revoke(name));
            spec.commandLine().getOut().println("Token '" + t.name() + "' revoked.");
            return 0;
        }
    }
}
