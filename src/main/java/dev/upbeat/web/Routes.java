package dev.upbeat.web;

import dev.upbeat.admin.AdminHandlers;
import dev.upbeat.compat.HerokuApi;
import dev.upbeat.compat.StatuspageApi;
import dev.upbeat.component.ComponentApi;
import dev.upbeat.incident.IncidentApi;
import dev.upbeat.notification.NotificationApi;
import dev.upbeat.probe.ProbeApi;
import dev.upbeat.site.BrandAssets;
import dev.upbeat.simulator.SimulatorApi;
import dev.upbeat.simulator.drill.DrillApi;
import dev.upbeat.site.SitePages;
import dev.upbeat.status.BadgeApi;
import dev.upbeat.status.FeedApi;
import dev.upbeat.status.PublicApi;
import dev.upbeat.subscription.SubscriberApi;
import dev.upbeat.subscription.SubscriptionPages;
import io.javalin.config.RoutesConfig;

/** The route table: every path Upbeat answers, who may call it, and which handler answers. */
public record Routes(PublicApi publicApi, HerokuApi heroku, StatuspageApi statuspage, ComponentApi components,
                     IncidentApi incidents, SitePages site, BrandAssets brand, FeedApi feeds, BadgeApi badges,
                     Operations ops, SubscriberApi subscribers, SubscriptionPages subscriptionPages,
                     NotificationApi notifications, SimulatorApi simulator, DrillApi drills, ProbeApi probes,
                     AdminHandlers admin) {

    void install(RoutesConfig r) {
        r.get("/", site::home, Access.PUBLIC);
        r.get("/uptime", site::uptime, Access.PUBLIC);
        r.get("/history", site::history, Access.PUBLIC);
        r.get("/incidents/{id}", site::incident, Access.PUBLIC);
        r.get("/maintenance/{id}", site::maintenance, Access.PUBLIC);
        r.get("/components/{id}/uptime", site::componentMonth, Access.PUBLIC);
        r.sse("/events", site::events, Access.PUBLIC);
        r.get("/assets/brand.css", brand::css, Access.PUBLIC);
        r.get("/brand/logo", brand::logo, Access.PUBLIC);
        r.get("/healthz", ops::health, Access.PUBLIC);
        r.get("/metrics", ops::metrics, Access.PUBLIC);

        r.get("/history.atom", feeds::atom, Access.PUBLIC);
        r.get("/history.rss", feeds::rss, Access.PUBLIC);
        r.get("/badge.svg", badges::overall, Access.PUBLIC);
        r.get("/components/{id}/badge.svg", badges::component, Access.PUBLIC);

        r.get("/api/v1/status", publicApi::status, Access.PUBLIC);
        r.get("/api/v1/components", publicApi::components, Access.PUBLIC);
        r.get("/api/v1/components/{id}", publicApi::component, Access.PUBLIC);
        r.get("/api/v1/components/{id}/uptime", publicApi::componentUptime, Access.PUBLIC);
        r.get("/api/v1/groups", publicApi::groups, Access.PUBLIC);
        r.get("/api/v1/groups/{id}", publicApi::group, Access.PUBLIC);
        r.get("/api/v1/incidents", publicApi::incidents, Access.PUBLIC);
        r.get("/api/v1/incidents/{id}", publicApi::incident, Access.PUBLIC);
        r.get("/api/v1/maintenances", publicApi::maintenances, Access.PUBLIC);
        r.get("/api/v1/maintenances/{id}", publicApi::maintenance, Access.PUBLIC);
        r.get("/api/v1/uptime", publicApi::uptime, Access.PUBLIC);

        // Drop-in compatible reads for clients written for Heroku's and Statuspage's status APIs.
        r.get("/api/v4/current-status", heroku::currentStatus, Access.PUBLIC);
        r.get("/api/v4/incidents", heroku::incidents, Access.PUBLIC);
        r.get("/api/v4/incidents/{id}", heroku::incident, Access.PUBLIC);
        r.get("/api/v3/current-status", heroku::legacyCurrentStatus, Access.PUBLIC);
        r.get("/api/v3/current-status.json", heroku::legacyCurrentStatus, Access.PUBLIC);
        r.get("/api/v3/issues", heroku::legacyIssues, Access.PUBLIC);
        r.get("/api/v3/issues/{id}", heroku::legacyIssue, Access.PUBLIC);
        r.get("/api/v2/status.json", statuspage::status, Access.PUBLIC);
        r.get("/api/v2/summary.json", statuspage::summary, Access.PUBLIC);
        r.get("/api/v2/components.json", statuspage::components, Access.PUBLIC);
        r.get("/api/v2/incidents.json", statuspage::incidents, Access.PUBLIC);
        r.get("/api/v2/incidents/unresolved.json", statuspage::unresolvedIncidents, Access.PUBLIC);
        r.get("/api/v2/scheduled-maintenances.json", statuspage::scheduledMaintenances, Access.PUBLIC);
        r.get("/api/v2/scheduled-maintenances/upcoming.json", statuspage::upcomingMaintenances, Access.PUBLIC);
        r.get("/api/v2/scheduled-maintenances/active.json", statuspage::activeMaintenances, Access.PUBLIC);

        r.post("/api/v1/components", components::create, Access.TOKEN);
        r.put("/api/v1/components/order", components::reorder, Access.TOKEN);
        r.patch("/api/v1/components/{id}", components::update, Access.TOKEN);
        r.delete("/api/v1/components/{id}", components::delete, Access.TOKEN);
        r.put("/api/v1/components/{id}/status", components::setStatus, Access.TOKEN);
        r.post("/api/v1/groups", components::createGroup, Access.TOKEN);
        r.put("/api/v1/groups/order", components::reorderGroups, Access.TOKEN);
        r.patch("/api/v1/groups/{id}", components::updateGroup, Access.TOKEN);
        r.delete("/api/v1/groups/{id}", components::deleteGroup, Access.TOKEN);

        r.post("/api/v1/incidents", incidents::open, Access.TOKEN);
        r.patch("/api/v1/incidents/{id}", incidents::edit, Access.TOKEN);
        r.post("/api/v1/incidents/{id}/updates", incidents::postUpdate, Access.TOKEN);
        r.post("/api/v1/incidents/{id}/resolve", incidents::resolve, Access.TOKEN);

        r.post("/api/v1/maintenances", incidents::schedule, Access.TOKEN);
        r.patch("/api/v1/maintenances/{id}", incidents::change, Access.TOKEN);
        r.post("/api/v1/maintenances/{id}/updates", incidents::postMaintenanceUpdate, Access.TOKEN);
        r.post("/api/v1/maintenances/{id}/start", incidents::start, Access.TOKEN);
        r.post("/api/v1/maintenances/{id}/complete", incidents::complete, Access.TOKEN);
        r.post("/api/v1/maintenances/{id}/cancel", incidents::cancel, Access.TOKEN);

        // Subscribing is public (rate-limited; an admin token inside unlocks "confirmed": true).
        r.post("/api/v1/subscribers", subscribers::subscribe, Access.PUBLIC);
        r.post("/api/v1/subscribers/confirm", subscribers::confirmCode, Access.PUBLIC);
        r.get("/api/v1/subscribers", subscribers::list, Access.TOKEN);
        r.get("/api/v1/subscribers/counts", subscribers::counts, Access.TOKEN);
        r.get("/api/v1/subscribers/export", subscribers::export, Access.TOKEN);
        r.post("/api/v1/subscribers/import", subscribers::importCsv, Access.TOKEN);
        r.delete("/api/v1/subscribers/{id}", subscribers::remove, Access.TOKEN);
        r.get("/api/v1/notifications", notifications::events, Access.TOKEN);
        r.get("/api/v1/notifications/{id}/deliveries", notifications::deliveries, Access.TOKEN);
        r.post("/api/v1/notifications/{id}/resend", notifications::resendEvent, Access.TOKEN);
        r.post("/api/v1/deliveries/{id}/resend", notifications::resendDelivery, Access.TOKEN);

        // Probes: token-only, reads too (headers may hold the target's credentials).
        r.post("/api/v1/probes", probes::create, Access.TOKEN);
        r.get("/api/v1/probes", probes::list, Access.TOKEN);
        r.get("/api/v1/probes/{id}", probes::get, Access.TOKEN);
        r.patch("/api/v1/probes/{id}", probes::update, Access.TOKEN);
        r.delete("/api/v1/probes/{id}", probes::delete, Access.TOKEN);
        r.get("/api/v1/probes/{id}/results", probes::results, Access.TOKEN);

        r.post("/subscribe", subscriptionPages::subscribe, Access.PUBLIC);
        r.post("/subscribe/code", subscriptionPages::code, Access.PUBLIC);
        r.get("/subscriptions/confirm", subscriptionPages::confirm, Access.PUBLIC);
        r.get("/subscriptions/manage", subscriptionPages::manage, Access.PUBLIC);
        r.post("/subscriptions/manage", subscriptionPages::saveManage, Access.PUBLIC);
        r.get("/subscriptions/unsubscribe", subscriptionPages::unsubscribePage, Access.PUBLIC);
        r.post("/subscriptions/unsubscribe", subscriptionPages::unsubscribe, Access.PUBLIC);

        // The simulator shows internal addresses and private drills: reads need a token too.
        r.get("/api/v1/simulator/targets", simulator::targets, Access.TOKEN);
        r.post("/api/v1/simulator/targets", simulator::createTarget, Access.TOKEN);
        r.get("/api/v1/simulator/targets/{name}", simulator::target, Access.TOKEN);
        r.delete("/api/v1/simulator/targets/{name}", simulator::deleteTarget, Access.TOKEN);
        r.post("/api/v1/simulator/targets/{name}/simulations", simulator::start, Access.TOKEN);
        r.post("/api/v1/simulator/targets/{name}/schedules", simulator::createSchedule, Access.TOKEN);
        r.get("/api/v1/simulator/simulations", simulator::runs, Access.TOKEN);
        r.get("/api/v1/simulator/simulations/{id}", simulator::simulation, Access.TOKEN);
        r.delete("/api/v1/simulator/simulations/{id}", simulator::stop, Access.TOKEN);
        r.get("/api/v1/simulator/schedules", simulator::schedules, Access.TOKEN);
        r.delete("/api/v1/simulator/schedules/{id}", simulator::deleteSchedule, Access.TOKEN);
        r.post("/api/v1/drills", drills::start, Access.TOKEN);
        r.get("/api/v1/drills", drills::list, Access.TOKEN);
        r.get("/api/v1/drills/{id}", drills::show, Access.TOKEN);
        r.get("/api/v1/drills/{id}/report.html", drills::html, Access.TOKEN);
        r.get("/api/v1/drills/{id}/report.md", drills::markdown, Access.TOKEN);
        if (admin != null) {
            installAdmin(r);
        }
    }

    /** The admin pages: editors post incidents and maintenance; admins also manage the rest. */
    private void installAdmin(RoutesConfig r) {
        r.get("/admin/sign-in", admin.signIn()::form, Access.PUBLIC);
        r.post("/admin/sign-in", admin.signIn()::signIn, Access.PUBLIC);
        r.post("/admin/sign-out", admin.signIn()::signOut, Access.EDITOR);
        r.get("/admin", admin.dashboard()::dashboard, Access.EDITOR);
        r.get("/admin/incidents/new", admin.incidents()::composer, Access.EDITOR);
        r.post("/admin/incidents", admin.incidents()::open, Access.EDITOR);
        r.get("/admin/incidents/{id}", admin.incidents()::show, Access.EDITOR);
        r.post("/admin/incidents/{id}/updates", admin.incidents()::postUpdate, Access.EDITOR);
        r.post("/admin/incidents/{id}/resolve", admin.incidents()::resolve, Access.EDITOR);
        r.post("/admin/incidents/{id}/edit", admin.incidents()::edit, Access.EDITOR);
        r.post("/admin/incidents/{id}/postmortem", admin.incidents()::postmortem, Access.EDITOR);
        r.post("/admin/preview", admin.incidents()::preview, Access.EDITOR);
        r.get("/admin/maintenance", admin.maintenance()::list, Access.EDITOR);
        r.post("/admin/maintenance", admin.maintenance()::schedule, Access.EDITOR);
        r.post("/admin/maintenance/{id}/{action}", admin.maintenance()::move, Access.EDITOR);
        r.get("/admin/account", admin.access()::account, Access.EDITOR);
        r.post("/admin/account/totp", admin.access()::enableTotp, Access.EDITOR);

        r.get("/admin/components", admin.components()::list, Access.ADMIN);
        r.post("/admin/components", admin.components()::create, Access.ADMIN);
        r.post("/admin/components/{id}", admin.components()::update, Access.ADMIN);
        r.post("/admin/components/{id}/delete", admin.components()::delete, Access.ADMIN);
        r.post("/admin/components/{id}/move", admin.components()::move, Access.ADMIN);
        r.post("/admin/groups", admin.components()::createGroup, Access.ADMIN);
        r.post("/admin/groups/{id}", admin.components()::updateGroup, Access.ADMIN);
        r.post("/admin/groups/{id}/delete", admin.components()::deleteGroup, Access.ADMIN);
        r.post("/admin/groups/{id}/move", admin.components()::moveGroup, Access.ADMIN);
        r.get("/admin/users", admin.access()::users, Access.ADMIN);
        r.post("/admin/users", admin.access()::addUser, Access.ADMIN);
        r.post("/admin/users/{id}/role", admin.access()::changeRole, Access.ADMIN);
        r.post("/admin/users/{id}/remove", admin.access()::removeUser, Access.ADMIN);
        r.get("/admin/tokens", admin.access()::tokens, Access.ADMIN);
        r.post("/admin/tokens", admin.access()::createToken, Access.ADMIN);
        r.post("/admin/tokens/{id}/revoke", admin.access()::revokeToken, Access.ADMIN);
        r.get("/admin/subscribers", admin.subscribers()::list, Access.ADMIN);
        r.post("/admin/subscribers/export", admin.subscribers()::export, Access.ADMIN);
        r.post("/admin/subscribers/{id}/remove", admin.subscribers()::remove, Access.ADMIN);
        r.get("/admin/notifications/{id}", admin.subscribers()::event, Access.ADMIN);
        r.post("/admin/notifications/{id}/resend", admin.subscribers()::resendEvent, Access.ADMIN);
        r.post("/admin/deliveries/{id}/resend", admin.subscribers()::resendDelivery, Access.ADMIN);
        r.get("/admin/simulator", admin.simulator()::list, Access.ADMIN);
        r.post("/admin/simulator/targets", admin.simulator()::createTarget, Access.ADMIN);
        r.post("/admin/simulator/targets/{name}/delete", admin.simulator()::deleteTarget, Access.ADMIN);
        r.post("/admin/simulator/simulations", admin.simulator()::start, Access.ADMIN);
        r.post("/admin/simulator/simulations/{id}/stop", admin.simulator()::stop, Access.ADMIN);
        r.post("/admin/simulator/schedules", admin.simulator()::createSchedule, Access.ADMIN);
        r.post("/admin/simulator/schedules/{id}/delete", admin.simulator()::deleteSchedule, Access.ADMIN);
        r.post("/admin/simulator/drills", admin.simulator()::startDrill, Access.ADMIN);
        r.get("/admin/drills/{id}/report", admin.simulator()::report, Access.ADMIN);
        r.get("/admin/probes", admin.probes()::list, Access.ADMIN);
        r.post("/admin/probes", admin.probes()::create, Access.ADMIN);
        r.post("/admin/probes/{id}", admin.probes()::update, Access.ADMIN);
        r.post("/admin/probes/{id}/delete", admin.probes()::delete, Access.ADMIN);
        r.get("/admin/audit", admin.dashboard()::audit, Access.ADMIN);
        r.get("/admin/audit.csv", admin.dashboard()::auditCsv, Access.ADMIN);
        r.get("/admin/settings", admin.settings()::form, Access.ADMIN);
        r.post("/admin/settings", admin.settings()::save, Access.ADMIN);
    }
}
