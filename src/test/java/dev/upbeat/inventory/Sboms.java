package dev.upbeat.inventory;

import dev.upbeat.testing.Http;
import dev.upbeat.testing.TestUpbeat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The SBOM fixtures (src/test/resources/sbom) and uploading them as a CI job would. */
public final class Sboms {
    private Sboms() {
    }

    public static String text(String name) {
        try (InputStream in = Sboms.class.getResourceAsStream("/sbom/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Http.Response push(Http http, String component, String contentType, String document) {
        return http.raw("PUT", "/api/v1/components/" + component + "/sbom", document, "Content-Type", contentType,
                "Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN);
    }
}
