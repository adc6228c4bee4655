package dev.upbeat.app;

import dev.upbeat.admin.AccessPages;
import dev.upbeat.advisory.ActionItems;
import dev.upbeat.advisory.ActionRepository;
import dev.upbeat.advisory.AdvisoryApi;
import dev.upbeat.advisory.AdvisoryRepository;
import dev.upbeat.advisory.AdvisoryService;
import dev.upbeat.advisory.DraftApi;
import dev.upbeat.advisory.DraftRepository;
import dev.upbeat.advisory.DraftService;
import dev.upbeat.advisory.PublishedNotices;
import dev.upbeat.advisory.Triage;
import dev.upbeat.admin.AdminPages;
import dev.upbeat.admin.ComponentPages;
import dev.upbeat.admin.DashboardPages;
import dev.upbeat.admin.IncidentPages;
import dev.upbeat.admin.AdvisoryPages;
import dev.upbeat.admin.MaintenancePages;
import dev.upbeat.admin.ProbePages;
import dev.upbeat.admin.SettingsPages;
import dev.upbeat.admin.SignInPages;
import dev.upbeat.admin.SimulatorPages;
import dev.upbeat.admin.SubscriberPages;
import dev.upbeat.branding.Brand;
import dev.upbeat.inventory.InventoryApi;
import dev.upbeat.inventory.InventoryRepository;
import dev.upbeat.inventory.InventoryService;
import dev.upbeat.branding.BrandingRepository;
import dev.upbeat.branding.BrandingService;
import dev.upbeat.compat.CompatBodies;
import dev.upbeat.compat.HerokuApi;
import dev.upbeat.compat.StatuspageApi;
import dev.upbeat.component.ComponentRepository;
import dev.upbeat.component.ComponentService;
import dev.upbeat.component.GroupRepository;
import dev.upbeat.component.GroupService;
import dev.upbeat.config.ConfigException;
import dev.upbeat.config.UpbeatConfig;
import dev.upbeat.incident.IncidentRepository;
import dev.upbeat.incident.IncidentService;
import dev.upbeat.incident.MaintenanceService;
import dev.upbeat.notification.NotificationApi;
import dev.upbeat.notification.Notifications;
import dev.upbeat.probe.Checker;
import dev.upbeat.probe.ProbeApi;
import dev.upbeat.probe.ProbeMeasurements;
import dev.upbeat.probe.ProbeRepository;
import dev.upbeat.probe.Probes;
import dev.upbeat.probe.ResultRepository;
import dev.upbeat.simulator.DeclaredTargets;
import dev.upbeat.simulator.Lease;
import dev.upbeat.simulator.Listeners;
import dev.upbeat.simulator.ScheduleService;
import dev.upbeat.simulator.SimulatorApi;
import dev.upbeat.simulator.SimulatorRepository;
import dev.upbeat.simulator.SimulatorService;
import dev.upbeat.simulator.TcpTargets;
import dev.upbeat.simulator.drill.DrillApi;
import dev.upbeat.simulator.tcp.TcpProxies;
import dev.upbeat.simulator.tcp.ToxiproxyApi;
import dev.upbeat.simulator.drill.DrillRepository;
import dev.upbeat.simulator.drill.DrillService;
import dev.upbeat.site.BrandAssets;
import dev.upbeat.site.LiveEvents;
import dev.upbeat.site.SitePages;
import dev.upbeat.site.SubscribeForm;
import dev.upbeat.status.BadgeApi;
import dev.upbeat.status.ComponentApi;
import dev.upbeat.status.FeedApi;
import dev.upbeat.status.IncidentApi;
import dev.upbeat.status.PublicApi;
import dev.upbeat.status.PublicStatus;
import dev.upbeat.status.StatusSnapshots;
import dev.upbeat.storage.ChangeFeed;
import dev.upbeat.storage.ConnectionLost;
import dev.upbeat.storage.Database;
import dev.upbeat.storage.DatabaseDown;
import dev.upbeat.storage.Dialect;
import dev.upbeat.storage.StorageUnavailable;
import dev.upbeat.subscription.SubscriberApi;
import dev.upbeat.subscription.SubscriptionPages;
import dev.upbeat.token.TokenRepository;
import dev.upbeat.token.TokenService;
import dev.upbeat.uptime.IntervalHistory;
import dev.upbeat.uptime.IntervalRepository;
import dev.upbeat.uptime.UptimeReader;
import dev.upbeat.web.Bodies;
import dev.upbeat.web.RouteTable;
import dev.upbeat.web.Caching;
import dev.upbeat.web.Endpoints;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.SocketException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every part once, in order, from the config and a clock, starts
 * the server and background work, and closes them in reverse. Nothing else constructs services.
 */
public final class Upbeat implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Upbeat.class);

    private final UpbeatConfig config;
    private final Clock clock;
    private final Database db;
    private final IntervalHistory history;
    private final StatusSnapshots snapshots;
    private final ComponentService components;
    private final GroupService groups;
    private final IncidentService incidents;
    private final MaintenanceService maintenances;
    private final TokenService tokens;
    private final Notifications notifications;
    /** This instance's id and its hold on the simulations and drills it starts. */
    private final Lease lease;
    private final SimulatorService simulator;
    private final ScheduleService simulatorSchedules;
    private final DrillService drills;
    private final Probes probes;
    private final AdminSite admin;
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Metrics meters = new Metrics(metrics);
    private final ScheduledExecutorService background = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "upbeat-background");
        t.setDaemon(true);
        return t;
    });
    private final LiveEvents live = new LiveEvents();
    /** TCP proxies, driven through the Toxiproxy-compatible API when UPBEAT_TOXIPROXY_LISTEN is set. */
    private final TcpProxies tcpProxies;
    private ToxiproxyApi toxiproxy;
    private final BrandingService branding;
    private final InventoryService inventory;
    private final AdvisoryService advisories;
    private final DraftService drafts;
    private volatile boolean snapshotFailing;
    private ChangeFeed feed;
    private WebServer server;

    public Upbeat(UpbeatConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.db = Database.open(config.database());
        db.migrate();
        db.bindMetrics(metrics);
        IntervalRepository intervals = new IntervalRepository();
        this.history = new IntervalHistory(intervals, config.timeZone());
        ComponentRepository componentRepository = new ComponentRepository();
        GroupRepository groupRepository = new GroupRepository();
        IncidentRepository incidentRepository = new IncidentRepository();
        DraftRepository draftRepository = new DraftRepository();
        this.branding = new BrandingService(db, new BrandingRepository(),
                new Brand(config.pageName(), config.branding()), this::refresh);
        this.snapshots = new StatusSnapshots(db, componentRepository, groupRepository, incidentRepository,
                new UptimeReader(intervals, config.timeZone(), config.uptimeWeights()),
                () -> new PublicStatus.PageInfo(branding.reload().pageName(), config.baseUrl().toString(),
                        config.timeZone().getId()), clock,
                List.of(new CompatBodies()),
                new ProbeMeasurements(new ProbeRepository(), new ResultRepository(), config.timeZone()),
                config.probes().uptimeSource(), new PublishedNotices(draftRepository));
        // One id per process start, in the simulator's leases and the delivery claims alike.
        this.lease = Lease.fresh(config.simLease());
        this.notifications = new Notifications(config, db, componentRepository, clock, () -> branding.current().pageName(),
                lease.instance(), metrics);
        Runnable onChange = () -> {
            refresh();
            notifications.wake();
        };
        this.groups = new GroupService(db, groupRepository, componentRepository, clock, onChange);
        this.components = new ComponentService(db, componentRepository, groups, history, clock, onChange);
        this.incidents = new IncidentService(db, incidentRepository, components, clock, onChange, notifications.outbox());
        this.maintenances = new MaintenanceService(db, incidentRepository, components, clock, config.timeZone(), onChange,
                notifications.outbox());
        this.probes = new Probes(config.probes(), db, componentRepository, components, incidents,
                Checker.withDefaultTrust(clock), config.timeZone(), clock, onChange, metrics);
        this.tokens = new TokenService(db, new TokenRepository(), clock, config.adminToken());
        SimulatorRepository simulatorRepository = new SimulatorRepository();
        // One set of TCP proxies: the simulator's tcp targets, which the Toxiproxy API sees and makes as targets too.
        this.tcpProxies = new TcpProxies(new java.util.Random(), metrics);
        this.simulator = new SimulatorService(db, simulatorRepository,
                new Listeners(() -> config.baseUrl().toString(), metrics, clock, tcpProxies), clock, lease);
        tcpProxies.keepIn(new TcpTargets(simulator));
        this.simulatorSchedules = new ScheduleService(db, simulatorRepository, simulator, clock);
        this.drills = new DrillService(db, new DrillRepository(), simulator, clock, lease,
                new DrillNoticesOnStatusPage(maintenances, clock));
        this.admin = new AdminSite(config, db, clock);
        InventoryRepository inventoryRepository = new InventoryRepository();
        ActionRepository actionRepository = new ActionRepository();
        ActionItems actionItems = new ActionItems(actionRepository, notifications.outbox(), clock);
        Triage triage = new Triage(new AdvisoryRepository(), inventoryRepository, componentRepository, actionItems, clock);
        this.inventory = new InventoryService(db, inventoryRepository, componentRepository, simulatorRepository, triage, clock);
        this.advisories = new AdvisoryService(db, new AdvisoryRepository(), triage, actionRepository, actionItems, componentRepository,
                clock, notifications::wake);
        this.drafts = new DraftService(db, new AdvisoryRepository(), draftRepository, triage, componentRepository, incidents,
                maintenances, clock, onChange);
        snapshots.onRebuild(live::publish);
        meters.snapshots(snapshots, clock);
        meters.live(live);
        // The breaker's view: down from the first failed connect until its probe reaches the database again.
        meters.database(db::reachable);
    }

    /** Catches up roll-ups, builds the first snapshot, starts HTTP and the background work. */
    public Upbeat start() {
        db.useTransaction(tx -> history.rollUpAllIfZoneChanged(tx, clock.instant()));
        maintenances.runDue();
        probes.declareFromFile();
        snapshots.rebuild();
        // Declared targets are checked before serving, so a bad file stops startup cleanly.
        simulator.open();
        if (config.simTargetsFile() != null) {
            DeclaredTargets.apply(simulator, DeclaredTargets.read(config.simTargetsFile()));
        }
        drills.open();
        if (config.toxiproxyListen() != null) {
            toxiproxy = startToxiproxy(config.toxiproxyListen());
        }
        SitePages site = sitePages();
        server = listen(new WebServer(config.host(), config.port(), Math.max(config.maxBodyBytes(), config.maxSbomBytes()),
                endpoints(site),
                new Auth(tokens, admin.gate()), new ApiAudit(admin.audit()::record), this::catchUp, site::errorPage, metrics,
                config.logs().accessLog()));
        meters.jetty(server.jetty());
        if (db.dialect() == Dialect.POSTGRESQL) {
            feed = new ChangeFeed(db, this::follow, this::refresh).start();
        }
        long refreshMillis = config.snapshotRefresh().toMillis();
        background.scheduleWithFixedDelay(this::refresh, refreshMillis, refreshMillis, TimeUnit.MILLISECONDS);
        background.scheduleWithFixedDelay(this::probeDatabase, 1, 1, TimeUnit.SECONDS);
        background.scheduleWithFixedDelay(this::startAndCompleteMaintenance, 5, 5, TimeUnit.SECONDS);
        notifications.start();
        background.scheduleWithFixedDelay(this::tickSimulator, 1, 1, TimeUnit.SECONDS);
        background.scheduleWithFixedDelay(this::remindActionOwners, 30, 30, TimeUnit.SECONDS);
        background.scheduleWithFixedDelay(this::postDueDrafts, 5, 5, TimeUnit.SECONDS);
        background.scheduleWithFixedDelay(this::measureOutbox, 0, 15, TimeUnit.SECONDS);
        probes.start(background);
        // The instance id names this process in the claims and leases it holds in the database.
        log.info("Upbeat is serving {} on port {} ({}) as instance {}", config.pageName(), server.port(), config.baseUrl(),
                lease.instance());
        return this;
    }

    private void closeToxiproxy() {
        try {
            if (toxiproxy != null) {
                toxiproxy.close();
            }
        } catch (Exception e) {
            log.warn("Could not stop the Toxiproxy API cleanly", e);
        }
        tcpProxies.close();
    }

    /** A port that cannot be had is a setting to change, said in one line, not a stack trace. */
    private WebServer listen(WebServer web) {
        try {
            return web.start();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SocketException refused) {
                    throw new ConfigException("cannot listen on " + config.host() + ":" + config.port() + " (" + refused.getMessage()
                            + "); set PORT to a free port, or UPBEAT_HOST to an address of this machine");
                }
            }
            throw e;
        }
    }

    private ToxiproxyApi startToxiproxy(String listen) {
        try {
            return ToxiproxyApi.start(tcpProxies, listen);
        } catch (Exception e) {
            throw new ConfigException("cannot listen on " + listen + " (" + e.getMessage()
                    + "); set UPBEAT_TOXIPROXY_LISTEN to a free host:port of this machine, or unset it");
        }
    }

    /** The public pages, which also draw the error pages browsers get. */
    private SitePages sitePages() {
        return new SitePages(snapshots, new Caching(config.cacheMaxAge()), clock, config.timeZone(), () -> branding.current().branding(),
                config.uptimeWeights(), live, new SubscribeForm(notifications.links()::formToken, notifications.subscriptions().channels()
                .stream().map(c -> new SubscribeForm.Choice(c.wire(), c.displayName(), c.addressWords())).toList()));
    }

    /** Every feature's HTTP edge, in the order their routes are matched; each declares its own routes. */
    private List<Endpoints> endpoints(SitePages site) {
        Bodies bodies = new Bodies(config.maxBodyBytes());
        Caching caching = new Caching(config.cacheMaxAge());
        ZoneId zone = config.timeZone();
        AdminPages pages = admin.pages();
        return List.of(site,
                new BrandAssets(() -> branding.current().branding()), new Operations(snapshots, metrics, db::reachable, clock),
                new FeedApi(snapshots, caching), new BadgeApi(snapshots, caching), new PublicApi(snapshots, caching),
                new OpenApiAssets(caching),
                new HerokuApi(snapshots, caching), new StatuspageApi(snapshots, caching),
                new ComponentApi(components, groups, bodies, snapshots),
                new IncidentApi(incidents, maintenances, bodies, snapshots, clock),
                new SubscriberApi(notifications.subscriptions(), notifications.directory(), bodies, notifications.subscribeLimit(),
                        tokens::authenticate),
                new NotificationApi(notifications.log()), new ProbeApi(probes.service(), bodies),
                new SubscriptionPages(notifications.subscriptions(), notifications.links(), notifications.subscribeLimit(),
                        config.pageName(), config.baseUrl(), this::componentNames, clock),
                new SimulatorApi(simulator, simulatorSchedules, bodies), new DrillApi(drills, bodies),
                new InventoryApi(inventory, bodies, new Bodies(config.maxSbomBytes(), "UPBEAT_MAX_SBOM_BYTES")), new AdvisoryApi(advisories, bodies, clock),
                new DraftApi(drafts, advisories, bodies),
                new SignInPages(pages, admin.gate()),
                new DashboardPages(pages, snapshots::current, zone),
                new IncidentPages(pages, incidents, snapshots::current, zone, admin.templates()),
                new MaintenancePages(pages, maintenances, snapshots::current, zone),
                new AdvisoryPages(pages, advisories, drafts, zone, clock),
                new ComponentPages(pages, components, groups, snapshots::current),
                new AccessPages(pages, admin.users(), tokens, zone),
                new SubscriberPages(pages, notifications.directory(), notifications.log(), zone),
                new SimulatorPages(pages, simulator, simulatorSchedules, drills, zone),
                new ProbePages(pages, probes.service(), snapshots::current, zone),
                new SettingsPages(pages, branding));
    }

    /** Component ids and names in page order, for the subscriber's choice of components. */
    private Map<String, String> componentNames() {
        Map<String, String> names = new LinkedHashMap<>();
        snapshots.current().components().forEach(c -> names.put(c.id(), c.name()));
        return names;
    }

    /**
     * Rebuilds the snapshot; a failure keeps the last good one serving and is logged, never thrown.
     * While the database is down it skips its turn: the breaker has said so, and the snapshot's
     * age (on /healthz and the pages) tells how old the truth served is.
     */
    private void refresh() {
        if (!db.reachable()) {
            return;
        }
        long start = System.nanoTime();
        try {
            snapshots.rebuild();
            meters.rebuilt(System.nanoTime() - start, true);
            if (snapshotFailing) {
                snapshotFailing = false;
                log.info("The public snapshot is being rebuilt again");
            }
        } catch (DatabaseDown e) {
            // The database went down during this rebuild; the breaker said so, the last snapshot serves.
        } catch (ConnectionLost e) {
            // A connection cut under the rebuild while the server answers: the next turn takes a fresh one.
            log.warn("Could not rebuild the public snapshot this turn ({}); serving version {}", e.getMessage(),
                    snapshots.current().version());
        } catch (RuntimeException e) {
            meters.rebuilt(System.nanoTime() - start, false);
            // The full trace once per outage; after that one line per attempt keeps the log readable.
            if (!snapshotFailing) {
                snapshotFailing = true;
                log.error("Could not rebuild the public snapshot; still serving version {}", snapshots.current().version(), e);
            } else {
                log.warn("Still cannot rebuild the public snapshot ({}); serving version {}", e.getMessage(),
                        snapshots.current().version());
            }
        }
    }

    /**
     * Change {@code seq} was committed, here or elsewhere; rebuilds unless this instance already
     * has it. Delivery workers are not woken: the writing instance wakes its own, and any
     * instance's workers claim the shared outbox at their next poll.
     */
    private void follow(long seq) {
        if (seq > snapshots.current().version()) {
            refresh();
        }
    }

    /** A client has seen {@code version}, perhaps from another instance; answer it from at least there. */
    private void catchUp(long version) {
        try {
            snapshots.catchUp(version);
        } catch (DatabaseDown e) {
            // Answered from the snapshot at hand; the breaker has said the database is down.
        } catch (RuntimeException e) {
            // The request is still answered, from the snapshot at hand; the timer and the feed retry.
            log.warn("Could not catch up to version {} ({})", version, e.getMessage());
        }
    }

    /** While the database is down, asks it every second whether it is back; once back, catches up at once. */
    private void probeDatabase() {
        if (db.probe()) {
            refresh();
            notifications.wake();
        }
    }

    /** Reads the outbox's backlog for its gauges, off the scrape so a scrape never waits on the database. */
    private void measureOutbox() {
        try {
            notifications.metrics().refresh();
        } catch (RuntimeException e) {
            StorageUnavailable.logRetry(log, "Could not read the outbox backlog for metrics; will retry", e);
        }
    }

    private void startAndCompleteMaintenance() {
        try {
            maintenances.runDue();
        } catch (RuntimeException e) {
            StorageUnavailable.logRetry(log, "Could not start or complete due maintenance; will retry", e);
        }
    }

    /** Ends due simulations, records their counts and starts scheduled ones; never throws. */
    /** Every instance runs it; each reminder has a unique key, so it is queued once between them. */
    private void remindActionOwners() {
        try {
            advisories.remindOwners();
        } catch (RuntimeException e) {
            StorageUnavailable.logRetry(log, "Action item reminders failed; will retry", e);
        }
    }

    /** Every instance runs it; each draft's post is claimed in its own transaction, so it posts once between them. */
    private void postDueDrafts() {
        try {
            drafts.postDue();
        } catch (RuntimeException e) {
            StorageUnavailable.logRetry(log, "Posting due advisory drafts failed; will retry", e);
        }
    }

    private void tickSimulator() {
        try {
            simulator.tick();
            drills.tick();
            simulatorSchedules.runDue();
        } catch (RuntimeException e) {
            StorageUnavailable.logRetry(log, "Simulator tick failed; will retry", e);
        }
    }

    /** The routes of the running server, for tests that call every one of them. */
    public List<RouteTable.Route> routes() {
        return server.routes();
    }

    public int port() {
        return server.port();
    }

    /** The Toxiproxy-compatible API's port, or -1 when it is off. */
    public int toxiproxyPort() {
        return toxiproxy == null ? -1 : toxiproxy.port();
    }

    public UpbeatConfig config() {
        return config;
    }

    public Database database() {
        return db;
    }

    public StatusSnapshots snapshots() {
        return snapshots;
    }

    public ComponentService components() {
        return components;
    }

    public GroupService groups() {
        return groups;
    }

    public IncidentService incidents() {
        return incidents;
    }

    public MaintenanceService maintenances() {
        return maintenances;
    }

    public Probes probes() {
        return probes;
    }

    public BrandingService branding() {
        return branding;
    }

    public TokenService tokens() {
        return tokens;
    }

    public Notifications notifications() {
        return notifications;
    }

    public SimulatorService simulator() {
        return simulator;
    }

    public ScheduleService simulatorSchedules() {
        return simulatorSchedules;
    }

    public DrillService drills() {
        return drills;
    }

    public InventoryService inventory() {
        return inventory;
    }

    public AdvisoryService advisories() {
        return advisories;
    }

    public DraftService drafts() {
        return drafts;
    }

    public AdminSite admin() {
        return admin;
    }

    /**
     * Lets a tick already running (a snapshot refresh, a simulator tick) finish before the pool
     * closes under it: closing aborts the connections in use, and the tick would log a database
     * failure for what is only a stop.
     */
    private void awaitBackground() {
        try {
            if (!background.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("Background work still running 10 s into the stop; closing the database anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Ends live-update streams (they never finish on their own), stops taking requests and lets
     * those in flight finish, then stops background work and the pool.
     */
    @Override
    public void close() {
        live.close();
        if (server != null) {
            server.stop();
        }
        // Cancels the periodic ticks without interrupting one that runs: an interrupted JDBC call fails loudly.
        background.shutdown();
        awaitBackground();
        if (feed != null) {
            feed.close();
        }
        probes.close();
        notifications.close();
        drills.close();
        simulator.close();
        closeToxiproxy();
        meters.close();
        db.close();
        // Commands that only open the database (token, user) never served, so have nothing to announce.
        if (server != null) {
            log.info("Upbeat stopped");
        }
    }
}
