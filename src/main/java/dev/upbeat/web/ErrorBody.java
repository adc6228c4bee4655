package dev.upbeat.web;

/**
 * The one error shape of every API answer, in the style of Heroku's Platform API:
 * {@code {"id": "invalid_params", "message": "...", "field": "impact"}}; {@code field} is null
 * when the error is not about one field.
 */
public record ErrorBody(String id, String message, String field) {
}
