package dev.upbeat.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upbeat.problem.Problem;
import java.io.IOException;
import java.util.Locale;

/** Reads an uploaded SBOM in the format its content type names; plain JSON is told apart by its content. */
public final class SbomReader {
    // A lenient tree reader: SBOMs carry many fields we do not read, and generators add their own.
    private static final ObjectMapper TREE = new ObjectMapper();

    private SbomReader() {
    }

    public static Sbom read(String contentType, byte[] document) {
        if (document.length == 0) {
            throw Problem.badRequest("sbom", "The SBOM is empty");
        }
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (type.equals(SbomFormat.PLAIN_JSON)) {
            return readJson(document, null);
        }
        SbomFormat format = SbomFormat.fromMediaType(type).orElseThrow(() -> Problem.unsupportedMediaType(
                "Content-Type must be one of " + SbomFormat.allowedMediaTypes() + "; got '" + contentType + "'"));
        return format == SbomFormat.CYCLONEDX_XML ? CycloneDxReader.read(format, document) : readJson(document, format);
    }

    private static Sbom readJson(byte[] document, SbomFormat declared) {
        JsonNode tree = tree(document);
        SbomFormat format = declared != null ? declared : sniff(tree);
        return format == SbomFormat.SPDX_JSON ? SpdxReader.read(tree) : CycloneDxReader.read(format, document);
    }

    private static SbomFormat sniff(JsonNode tree) {
        if (tree.has("bomFormat")) {
            return SbomFormat.CYCLONEDX_JSON;
        }
        if (tree.has("spdxVersion")) {
            return SbomFormat.SPDX_JSON;
        }
        throw Problem.invalid("sbom", "The JSON is neither CycloneDX (no bomFormat) nor SPDX (no spdxVersion)");
    }

    private static JsonNode tree(byte[] document) {
        try {
            JsonNode tree = TREE.readTree(document);
            if (tree == null || !tree.isObject()) {
                throw Problem.badRequest("sbom", "The SBOM must be a JSON object");
            }
            return tree;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw Problem.badRequest("sbom", "Malformed JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column "
                    + at.getColumnNr()) + ": " + XmlSafety.oneLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw Problem.badRequest("sbom", "The SBOM could not be read: " + e.getMessage());
        }
    }
}
