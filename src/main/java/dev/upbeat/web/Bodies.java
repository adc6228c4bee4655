package dev.upbeat.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.upbeat.json.Json;
import dev.upbeat.problem.Problem;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Collectors;

/**
 * Reads JSON request bodies strictly: a size cap checked before and while reading, JSON content
 * type only, unknown fields and wrong types refused with the field named.
 */
public final class Bodies {
    private static final long DRAIN_LIMIT_BYTES = 16L * 1024 * 1024;
    private final long maxBodyBytes;

    public Bodies(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    public <T> T read(Context ctx, Class<T> type) {
        checkContentType(ctx);
        byte[] bytes = readCapped(ctx);
        if (bytes.length == 0) {
            throw Problem.badRequest(null, "A JSON request body is required");
        }
        try {
            return Json.mapper().readValue(bytes, type);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw Problem.badRequest(path(e), "Unknown field '" + path(e) + "'; known fields: " + known);
        } catch (InvalidFormatException e) {
            throw Problem.badRequest(path(e), "Field '" + path(e) + "' has the wrong type or format: expected "
                    + e.getTargetType().getSimpleName().toLowerCase() + ", got " + describe(e.getValue()));
        } catch (MismatchedInputException e) {
            String field = path(e);
            throw Problem.badRequest(field.isEmpty() ? null : field, field.isEmpty()
                    ? "The request body must be a JSON object"
                    : "Field '" + field + "' has the wrong type: expected " + expected(e));
        } catch (JsonProcessingException e) {
            throw Problem.badRequest(null, "Malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw Problem.badRequest(null, "The request body could not be read");
        }
    }

    private void checkContentType(Context ctx) {
        String type = ctx.contentType();
        if (type != null && !type.toLowerCase().startsWith("application/json")) {
            throw Problem.unsupportedMediaType("Content-Type must be application/json; got '" + type + "'");
        }
    }

    private byte[] readCapped(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        try (InputStream in = ctx.req().getInputStream()) {
            if (declared > maxBodyBytes) {
                drain(in);
                throw tooLarge(declared);
            }
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (bytes.length > maxBodyBytes) {
                drain(in);
                throw tooLarge(-1);
            }
            return bytes;
        } catch (IOException e) {
            throw Problem.badRequest(null, "The request body could not be read: " + e.getMessage());
        }
    }

    /**
     * Reads and drops the rest of a refused body (up to a bound), so the client, still sending,
     * reads our 413 instead of a reset connection. Past the bound the connection is closed.
     */
    private static void drain(InputStream in) throws IOException {
        long left = DRAIN_LIMIT_BYTES;
        byte[] buffer = new byte[64 * 1024];
        int n;
        while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
            left -= n;
        }
    }

    private Problem tooLarge(long declared) {
        return Problem.tooLarge("The request body is " + (declared > 0 ? declared + " bytes, " : "")
                + "over the limit of " + maxBodyBytes + " bytes (UPBEAT_MAX_BODY_BYTES)");
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String expected(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (target == null) {
            return "a different JSON type";
        }
        if (java.util.Map.class.isAssignableFrom(target) || target.isRecord()) {
            return "an object";
        }
        if (java.util.Collection.class.isAssignableFrom(target)) {
            return "an array";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
            return "a number";
        }
        return "a " + target.getSimpleName().toLowerCase();
    }

    private static String describe(Object value) {
        return value instanceof String s ? "'" + (s.length() > 60 ? s.substring(0, 60) + "..." : s) + "'" : String.valueOf(value);
    }
}
