package dev.upbeat.app;

import dev.upbeat.admin.AccessPages;
import dev.upbeat.admin.AdminHandlers;
import dev.upbeat.admin.ComponentPages;
import dev.upbeat.admin.MaintenancePages;
import dev.upbeat.admin.SubscriberPages;
import dev.upbeat.admin.AdminPages;
import dev.upbeat.admin.DashboardPages;
import dev.upbeat.admin.IncidentPages;
import dev.upbeat.admin.ProbePages;
import dev.upbeat.admin.SettingsPages;
import dev.upbeat.admin.SignInPages;
import dev.upbeat.admin.SimulatorPages;
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
import dev.upbeat.web.SessionGate;
import java.time.Clock;
import java.time.Duration;

/**
 * The admin part of the composition root, kept apart so {@link Upbeat} stays short: users,
 * sessions, the audit log and the admin pages, which call the same services as the API.
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

    AdminHandlers handlers(Upbeat upbeat) {
        AdminPages pages = new AdminPages(config.pageName(), audit);
        var snapshots = upbeat.snapshots();
        return new AdminHandlers(new SignInPages(pages, gate),
                new DashboardPages(pages, snapshots::current, config.timeZone()),
                new IncidentPages(pages, upbeat.incidents(), snapshots::current, config.timeZone(), templates),
                new MaintenancePages(pages, upbeat.maintenances(), snapshots::current, config.timeZone()),
                new ComponentPages(pages, upbeat.components(), upbeat.groups(), snapshots::current),
                new AccessPages(pages, users, upbeat.tokens(), config.timeZone()),
                new SubscriberPages(pages, upbeat.notifications().directory(), upbeat.notifications().log(), config.timeZone()),
                new SimulatorPages(pages, upbeat.simulator(), upbeat.simulatorSchedules(), upbeat.drills(), config.timeZone()),
                new ProbePages(pages, upbeat.probes().service(), snapshots::current, config.timeZone()),
                new SettingsPages(pages, upbeat.branding()));
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
