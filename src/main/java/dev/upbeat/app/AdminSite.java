package dev.upbeat.app;

import dev.upbeat.admin.AdminPages;
import dev.upbeat.admin.SessionGate;
import dev.upbeat.admin.TemplateRepository;
import dev.upbeat.admin.TemplateService;
import dev.upbeat.audit.AuditLog;
import dev.upbeat.audit.AuditRepository;
import dev.upbeat.config.UpbeatConfig;
import dev.upbeat.storage.Database;
import dev.upbeat.user.FailedAttempts;
import dev.upbeat.user.SessionRepository;
import dev.upbeat.user.SessionService;
import dev.upbeat.user.UserRepository;
import dev.upbeat.user.UserService;
import java.time.Clock;
import java.time.Duration;

/**
 * The admin part of the composition root, kept apart so {@link Upbeat} stays short: users,
 * sessions, the audit log and what the admin pages share.
 */
public final class AdminSite {
    private static final Duration SIGN_IN_WINDOW = Duration.ofMinutes(15);

    private final UpbeatConfig config;
    private final UserService users;
    private final SessionService sessions;
    private final AuditLog audit;
    private final TemplateService templates;
    private final SessionGate gate;

    AdminSite(UpbeatConfig config, Database db, Clock clock) {
        this.config = config;
        UserRepository userRepository = new UserRepository();
        SessionRepository sessionRepository = new SessionRepository();
        this.users = new UserService(db, userRepository, sessionRepository, clock);
        this.sessions = new SessionService(db, userRepository, sessionRepository, clock, config.admin().sessionIdleTimeout(),
                new FailedAttempts(config.admin().signInAttempts(), SIGN_IN_WINDOW, clock));
        this.audit = new AuditLog(db, new AuditRepository(), clock);
        this.templates = new TemplateService(db, new TemplateRepository(), clock);
        this.gate = new SessionGate(sessions, "https".equals(config.baseUrl().getScheme()));
    }

    AdminPages pages() {
        return new AdminPages(config.pageName(), audit);
    }

    TemplateService templates() {
        return templates;
    }

    SessionGate gate() {
        return gate;
    }

    public UserService users() {
        return users;
    }

    public AuditLog audit() {
        return audit;
    }
}
