package dev.upbeat.admin;

/** The admin pages' handlers, built by the composition root and installed by the one route table. */
public record AdminHandlers(SignInPages signIn, DashboardPages dashboard, IncidentPages incidents, MaintenancePages maintenance,
                            ComponentPages components, AccessPages access, SubscriberPages subscribers,
                            SimulatorPages simulator, ProbePages probes, SettingsPages settings) {
}
