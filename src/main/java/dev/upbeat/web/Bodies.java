package dev.upbeat.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
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
    /** The setting that raises the limit, named in the 413 so the operator knows which one to change. */
    private final String limitSetting;

    public Bodies(long maxBodyBytes) {
        this(maxBodyBytes, "UPBEAT_MAX_BODY_BYTES");
    }

    public Bodies(long maxBodyBytes, String limitSetting) {
        this.maxBodyBytes = maxBodyBytes;
        this.limitSetting = limitSetting;
    }

    public <T> T read(Context ctx, Class<T> type) {
        checkContentType(ctx);
        byte[] bytes = readCapped(ctx);
        if (bytes.length == 0) {
            throw Problem.badRequest(null, "A JSON request body is required");
        }
        T value = parse(bytes, type);
        if (value == null) {
            // A body of just `null` parses to null; every handler expects an object.
            throw Problem.badRequest(null, "The request body must be a JSON object; got null");
        }
        return value;
    }

    /** The raw body, under the same size cap, for documents read by a parser of their own (an SBOM). */
    public byte[] bytes(Context ctx) {
        return readCapped(ctx);
    }

    private static <T> T parse(byte[] bytes, Class<T> type) {
        try {
            return Json.mapper().readValue(bytes, type);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw Problem.badRequest(path(e), "Unknown field '" + path(e) + "'; known fields: " + known);
        } catch (InvalidFormatException e) {
            throw Problem.badRequest(path(e), "Field '" + path(e) + "' has the wrong type or format: expected "
                    + expected(e.getTargetType()) + ", got " + describe(e.getValue()));
        } catch (MismatchedInputException e) {
            String field = path(e);
            throw Problem.badRequest(field.isEmpty() ? null : field, field.isEmpty()
                    ? "The request body must be a JSON object"
                    : "Field '" + field + "' has the wrong type: expected " + expected(e.getTargetType()));
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof Problem p) {
                throw p;
            }
            String field = path(e);
            throw Problem.badRequest(field.isEmpty() ? null : field, (field.isEmpty() ? "The request body" : "Field '" + field + "'")
                    + " could not be read: " + limit(e));
        } catch (StreamConstraintsException e) {
            throw Problem.badRequest(null, "The request body is over a limit: " + limit(e));
        } catch (JsonProcessingException e) {
            // Jackson gives no location for some errors; the message must not depend on one.
            JsonLocation at = e.getLocation();
            throw Problem.badRequest(null, "Malformed JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column "
                    + at.getColumnNr()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw Problem.badRequest(null, "The request body could not be read");
        }
    }

    /** Jackson's limit messages without the name of its setting, which means nothing to a caller. */
    private static String limit(JsonProcessingException e) {
        Throwable cause = e.getCause() instanceof StreamConstraintsException c ? c : e;
        return cause instanceof StreamConstraintsException c
                ? c.getOriginalMessage().replaceAll(", from `[^`]*`", "")
                : "the value is out of range or not of the expected form";
    }

    private void checkContentType(Context ctx) {
        String type = ctx.contentType();
        // Exactly application/json, parameters allowed: a prefix match would let application/jsonp in.
        if (type != null && !type.split(";", 2)[0].strip().equalsIgnoreCase("application/json")) {
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
                + "over the limit of " + maxBodyBytes + " bytes (" + limitSetting + ")");
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String expected(Class<?> target) {
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
        if (target == java.time.Instant.class) {
            return "an ISO 8601 instant such as 2026-11-20T14:02:11Z";
        }
        if (target == java.time.Duration.class) {
            return "an ISO 8601 duration such as PT15M";
        }
        return target == String.class ? "a string" : "a " + target.getSimpleName().toLowerCase();
    }

    private static String describe(Object value) {
        return value instanceof String s ? "'" + (s.length() > 60 ? s.substring(0, 60) + "..." : s) + "'" : String.valueOf(value);
    }
}
