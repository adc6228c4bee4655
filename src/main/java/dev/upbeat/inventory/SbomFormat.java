package dev.upbeat.inventory;

import java.util.Arrays;
import java.util.Optional;

/** The SBOM formats Upbeat reads, with the media types that choose them. */
public enum SbomFormat {
    CYCLONEDX_JSON("cyclonedx", "application/vnd.cyclonedx+json"),
    CYCLONEDX_XML("cyclonedx", "application/vnd.cyclonedx+xml"),
    SPDX_JSON("spdx", "application/spdx+json");

    /** Plain JSON: CycloneDX or SPDX, told apart by the document's own format field. */
    public static final String PLAIN_JSON = "application/json";

    private final String family;
    private final String mediaType;

    SbomFormat(String family, String mediaType) {
        this.family = family;
        this.mediaType = mediaType;
    }

    /** "cyclonedx" or "spdx", as the API answers. */
    public String family() {
        return family;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<SbomFormat> fromMediaType(String type) {
        return Arrays.stream(values()).filter(f -> f.mediaType.equalsIgnoreCase(type)).findFirst();
    }

    public static String allowedMediaTypes() {
        return String.join(", ", Arrays.stream(values()).map(SbomFormat::mediaType).toList()) + ", " + PLAIN_JSON;
    }
}
