package dev.upbeat.simulator;

import dev.upbeat.simulator.tcp.TcpProxies;
import dev.upbeat.simulator.tcp.TcpProxy;
import dev.upbeat.simulator.tcp.ToxicChain;
import dev.upbeat.simulator.tcp.ToxicType;
import java.util.List;

/**
 * A {@code tcp} target's listener: its TCP proxy, which the Toxiproxy API sees as well. A live
 * simulation sets its toxics on the proxy's simulation layer and counts what they do (connections
 * as the run's requests, each toxic that ran as an injection); ending it takes them off.
 */
final class TcpTarget implements Served {
    private final Target target;
    private final TcpProxies proxies;
    private final TcpProxy proxy;
    private volatile ActiveRun live;

    private TcpTarget(Target target, TcpProxies proxies, TcpProxy proxy) {
        this.target = target;
        this.proxies = proxies;
        this.proxy = proxy;
    }

    /** Opens the target's proxy; a taken or impossible address is refused naming it (409, 422). */
    static TcpTarget start(Target target, TcpProxies proxies) {
        TcpProxy proxy = proxies.open(target.name(), target.listen().toString(), target.upstreamText());
        return new TcpTarget(target, proxies, proxy);
    }

    @Override
    public Target target() {
        return target.withPort(port());
    }

    @Override
    public int port() {
        String listen = proxy.listen();
        return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
    }

    @Override
    public ActiveRun live() {
        return live;
    }

    @Override
    public synchronized ActiveRun swap(ActiveRun run) {
        ActiveRun previous = live;
        live = run;
        proxy.toxics().simulate(run == null ? List.of() : run.toxics(), run == null ? null : new ToxicChain.Observer() {
            @Override
            public void connected() {
                run.connected();
            }

            @Override
            public void applied(ToxicType type) {
                run.injected(type.wire());
            }
        });
        return previous;
    }

    @Override
    public void close() {
        live = null;
        proxies.close(target.name());
    }
}
