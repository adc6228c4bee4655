package dev.upbeat.simulator;

import dev.upbeat.simulator.tcp.TcpProxies;

/**
 * The Toxiproxy API's proxies as the simulator's {@code tcp} targets: a proxy created, moved or
 * deleted through that API is the target created, moved or deleted through Upbeat's, stored in
 * the database, so it survives a restart and every instance serves it. A Toxiproxy listen address
 * without a host ({@code :8080}) is every interface, an empty one any free port on loopback.
 */
public final class TcpTargets implements TcpProxies.Catalog {
    private final SimulatorService simulations;

    public TcpTargets(SimulatorService simulations) {
        this.simulations = simulations;
    }

    @Override
    public void create(String name, String listen, String upstream) {
        simulations.createTarget(name, TargetKind.TCP, address(listen), upstream);
    }

    @Override
    public void change(String name, String listen, String upstream) {
        simulations.changeTarget(name, address(listen), upstream);
    }

    @Override
    public void delete(String name) {
        simulations.deleteTarget(name);
    }

    private static String address(String listen) {
        if (listen == null || listen.isBlank()) {
            return "127.0.0.1:0";
        }
        return listen.startsWith(":") ? "0.0.0.0" + listen : listen;
    }
}
