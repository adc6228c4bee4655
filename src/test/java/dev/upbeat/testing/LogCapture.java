package dev.upbeat.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Takes the log of some loggers away from the console while a test runs and keeps it for the
 * test to assert on. For tests that break things on purpose: the errors they cause are checked
 * by the test, so an ERROR on the console always means something unexpected. Close it to give
 * the loggers back.
 */
public final class LogCapture implements AutoCloseable {
    private final List<Logger> loggers = new ArrayList<>();
    private final List<Level> levels = new ArrayList<>();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent e) {
            // Takes the logging thread's context (the request id) now: read later, it would be the test's.
            e.prepareForDeferredProcessing();
            super.append(e);
        }
    };

    private LogCapture(Level level, String... names) {
        appender.start();
        for (String name : names) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            logger.addAppender(appender);
            logger.setAdditive(false);
            loggers.add(logger);
            levels.add(logger.getLevel());
            if (level != null) {
                logger.setLevel(level);
            }
        }
    }

    /** Captures these loggers and everything under them, e.g. {@code "dev.upbeat"}. */
    public static LogCapture of(String... names) {
        return new LogCapture(null, names);
    }

    /** Also at INFO, which the tests' configuration leaves out: for tests of what an operator reads. */
    public static LogCapture withInfo(String... names) {
        return new LogCapture(Level.INFO, names);
    }

    /** Every event so far, at any level the loggers let through. */
    public List<ILoggingEvent> events() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    /** Every event at ERROR so far. */
    public List<ILoggingEvent> errors() {
        synchronized (appender) {
            return appender.list.stream().filter(e -> e.getLevel() == Level.ERROR).toList();
        }
    }

    /** True when the event's exception, or one of its causes, has a class named like {@code simpleName}. */
    public static boolean causedBy(ILoggingEvent event, String simpleName) {
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            if (t.getClassName().endsWith("." + simpleName) || t.getClassName().endsWith("$" + simpleName)) {
                return true;
            }
        }
        return false;
    }

    /** "Logger - message", for assertion messages. */
    public static String describe(ILoggingEvent event) {
        IThrowableProxy t = event.getThrowableProxy();
        return event.getLoggerName() + " - " + event.getFormattedMessage() + (t == null ? "" : " (" + t.getClassName() + ": "
                + t.getMessage() + ")");
    }

    @Override
    public void close() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).detachAppender(appender);
            loggers.get(i).setAdditive(true);
            loggers.get(i).setLevel(levels.get(i));
        }
        appender.stop();
    }
}
