package dev.upbeat.web;

import dev.upbeat.component.ComponentApi;
import dev.upbeat.incident.IncidentApi;
import dev.upbeat.site.BrandAssets;
import dev.upbeat.simulator.SimulatorApi;
import dev.upbeat.simulator.drill.DrillApi;
import dev.upbeat.site.SitePages;
import dev.upbeat.status.PublicApi;
import io.javalin.config.RoutesConfig;

/** The route table: every path Upbeat answers, who may call it, and which handler answers. */
public record Routes(PublicApi publicApi, ComponentApi components, IncidentApi incidents, SitePages site, BrandAssets brand,
                     Operations ops, SimulatorApi simulator, DrillApi drills) {

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
    }
}
