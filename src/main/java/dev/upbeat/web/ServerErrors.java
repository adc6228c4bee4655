package dev.upbeat.web;

import dev.upbeat.json.Json;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers the HTTP server makes before any route runs (a malformed request line, a bad or
 * ambiguous URI, a URI or headers over the limit), in the one error shape instead of Jetty's HTML.
 * Jetty's reason is a fixed phrase of its parser, never request text, so it can be shown.
 */
public final class ServerErrors extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        String reason = (String) request.getAttribute(ERROR_MESSAGE);
        if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException e) {
            status = e.getCode();
            reason = e.getReason();
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        // Refused before any route ran, so the id may not be set yet: these answers carry one too.
        String id = request.getAttribute(RequestIds.ATTRIBUTE) instanceof String set ? set
                : RequestIds.accept(request.getHeaders().get(RequestIds.HEADER));
        response.getHeaders().put(RequestIds.HEADER, id);
        response.write(true, ByteBuffer.wrap(body(status, reason, request.getHttpURI().getPath(), id)), callback);
        return true;
    }

    static byte[] body(int status, String reason, String path, String requestId) {
        String detail = reason == null || reason.isBlank() ? "" : " (" + reason + ")";
        ErrorBody body = switch (status) {
            case 414 -> new ErrorBody("uri_too_long", "The request URI is longer than this server accepts" + detail, null);
            case 431 -> new ErrorBody("headers_too_large", "The request headers are larger than this server accepts" + detail, null);
            case 413 -> new ErrorBody("payload_too_large", "The request body is larger than allowed", null);
            default -> status >= 500
                    ? new ErrorBody("internal_error", "Something went wrong on our side; it has been logged.", null)
                    : new ErrorBody("bad_request", "The request is malformed" + detail, null);
        };
        try {
            return Json.mapper().writeValueAsBytes(body.forPath(path, requestId));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot write an error body", e);
        }
    }
}
