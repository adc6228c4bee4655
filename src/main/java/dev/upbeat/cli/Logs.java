package dev.upbeat.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.Map;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ParseResult;

/** The log level a command runs with: INFO for servers, WARN for commands whose output is an answer. */
public final class Logs {
    private Logs() {
    }

    /** Quiets INFO for a one-shot command, unless the operator chose a level with UPBEAT_LOG_LEVEL. */
    public static void forCommand(ParseResult parsed, Map<String, String> env) {
        String chosen = env.get("UPBEAT_LOG_LEVEL");
        if (chosen != null && !chosen.isBlank()) {
            return;
        }
        ParseResult leaf = parsed;
        while (leaf.subcommand() != null) {
            leaf = leaf.subcommand();
        }
        if (leaf.commandSpec().userObject() instanceof Serving) {
            return;
        }
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.WARN);
        }
    }
}
