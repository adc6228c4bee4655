package dev.upbeat.simulator;

import java.nio.ByteBuffer;
import java.util.function.BiFunction;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The HTTP settings of the simulator's servers (a target's listener, the standalone maintenance
 * server). They stand in for someone else's service in front of arbitrary clients, so they take
 * any request target as sent, and what Jetty still refuses (a request it cannot parse, a URI or
 * headers over its limits) is answered by the server's own canned response, never Jetty's page.
 */
final class FrontDoor {
    private FrontDoor() {
    }

    static HttpConfiguration configuration() {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // Paths such as /%2F, /%2e%2e/x, /..;/x or /a%zz are the service's business, not ours:
        // api-maintenance-sim answers them like any other, and a proxy passes them on as sent.
        http.setUriCompliance(UriCompliance.UNSAFE);
        // An upstream's answer head goes to the client as it came, and a long Content-Security-Policy
        // or many cookies pass Jetty's 8 KB default, which would answer 500 instead.
        http.setResponseHeaderSize(32 * 1024);
        return http;
    }

    /** An error handler writing {@code answer}, given the refused request and the status Jetty would have sent. */
    static ErrorHandler answering(BiFunction<Request, Integer, CannedResponse> answer) {
        return new ErrorHandler() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                int status = request.getAttribute(ERROR_EXCEPTION) instanceof HttpException e ? e.getCode() : response.getStatus();
                CannedResponse canned = answer.apply(request, status);
                response.setStatus(canned.status());
                canned.headers().forEach((name, value) -> response.getHeaders().put(name, value));
                boolean head = "HEAD".equals(request.getMethod());
                response.write(true, ByteBuffer.wrap(head ? new byte[0] : canned.body()), callback);
                return true;
            }
        };
    }
}
