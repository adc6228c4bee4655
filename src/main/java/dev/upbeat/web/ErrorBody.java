package dev.upbeat.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The one error shape of every API answer, in the style of Heroku's Platform API:
 * {@code {"id": "invalid_params", "message": "...", "field": "impact"}}; {@code field} is null
 * when the error is not about one field. Upbeat's own API ({@code /api/v1}) adds
 * {@code request_id}, the {@code X-Request-Id} of the answer, so a report can be matched to a log
 * line; the compatible APIs keep the three fields their clients were written against.
 */
public record ErrorBody(String id, String message, String field,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String requestId) {
    private static final String NATIVE_API = "/api/v1/";

    public ErrorBody(String id, String message, String field) {
        this(id, message, field, null);
    }

    /** This body, naming the request when it answers Upbeat's own API. */
    ErrorBody forPath(String path, String requestId) {
        return requestId != null && path != null && path.startsWith(NATIVE_API) ? new ErrorBody(id, message, field, requestId) : this;
    }
}
