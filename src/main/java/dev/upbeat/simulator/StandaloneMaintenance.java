package dev.upbeat.simulator;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * {@code upbeat sim serve --maintenance}: heroku/api-maintenance-sim on one port, with no database
 * and no configuration. Every method and path gets 503, {@code Content-Type: application/json}
 * and the original body, byte for byte, also requests Jetty would refuse (see {@link FrontDoor}).
 */
public final class StandaloneMaintenance implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;

    private StandaloneMaintenance(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    public static StandaloneMaintenance start(String host, int port) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(FrontDoor.configuration()));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        CannedResponse answer = CannedResponse.herokuMaintenance();
        server.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(answer.status());
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
                boolean head = "HEAD".equals(request.getMethod());
                response.write(true, head ? java.nio.ByteBuffer.allocate(0) : java.nio.ByteBuffer.wrap(answer.body()), callback);
                return true;
            }
        });
        // What Jetty refuses before the handler (an unparsable request, a URI or headers too long) is answered the same.
        server.setErrorHandler(FrontDoor.answering((request, status) -> answer));
        server.setStopTimeout(2_000);
        server.start();
        return new StandaloneMaintenance(server, connector);
    }

    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
