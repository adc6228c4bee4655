package dev.upbeat.simulator.tcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.upbeat.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Toxiproxy's JSON shapes, read leniently as Go's decoder does (unknown fields ignored, a wrong
 * type refused as a bad body) and written with every field, zeros included.
 */
final class ToxiproxyJson {
    private ToxiproxyJson() {
    }

    static JsonNode parse(String body) {
        if (body.isBlank()) {
            throw ToxiproxyError.badBody("EOF");
        }
        try {
            return Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw ToxiproxyError.badBody(e.getOriginalMessage());
        }
    }

    static TcpProxies.Spec proxySpec(JsonNode node) {
        requireKind(node, JsonNode::isObject, "object");
        return new TcpProxies.Spec(text(node, "name"), text(node, "listen"), text(node, "upstream"), bool(node, "enabled"));
    }

    static List<TcpProxies.Spec> proxySpecs(JsonNode node) {
        requireKind(node, JsonNode::isArray, "array");
        List<TcpProxies.Spec> specs = new ArrayList<>();
        node.forEach(n -> specs.add(proxySpec(n)));
        return specs;
    }

    /** A new toxic with Toxiproxy's defaults: downstream, toxicity 1, named {@code <type>_<stream>}. */
    static Toxic newToxic(JsonNode node) {
        requireKind(node, JsonNode::isObject, "object");
        String stream = text(node, "stream");
        stream = stream == null ? "downstream" : stream;
        String type = text(node, "type");
        type = type == null ? "" : type;
        Float toxicity = number(node, "toxicity");
        Direction direction = Direction.parse(stream);
        String name = text(node, "name");
        name = name == null || name.isEmpty() ? type + "_" + stream : name;
        ToxicType kind = ToxicType.named(type);
        return new Toxic(name, kind, direction, toxicity == null ? 1.0f : toxicity, attributes(node), 0);
    }

    /** An update: attributes merged into the current ones, toxicity kept when absent. */
    static Toxic updated(Toxic current, JsonNode node) {
        requireKind(node, JsonNode::isObject, "object");
        Float toxicity = number(node, "toxicity");
        return current.updated(attributes(node), toxicity == null ? current.toxicity() : toxicity);
    }

    static ObjectNode proxy(TcpProxy p) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("name", p.name());
        n.put("listen", p.listen());
        n.put("upstream", p.upstream());
        n.put("enabled", p.enabled());
        n.set("toxics", toxics(p.toxics().all()));
        return n;
    }

    static ObjectNode proxies(List<TcpProxy> all) {
        ObjectNode n = Json.mapper().createObjectNode();
        all.forEach(p -> n.set(p.name(), proxy(p)));
        return n;
    }

    static ArrayNode proxyList(List<TcpProxy> all) {
        ArrayNode a = Json.mapper().createArrayNode();
        all.forEach(p -> a.add(proxy(p)));
        return a;
    }

    static ArrayNode toxics(List<Toxic> all) {
        ArrayNode a = Json.mapper().createArrayNode();
        all.forEach(t -> a.add(toxic(t)));
        return a;
    }

    static ObjectNode toxic(Toxic t) {
        ObjectNode n = Json.mapper().createObjectNode();
        ObjectNode attributes = n.putObject("attributes");
        t.attributes().forEach(attributes::put);
        n.put("name", t.name());
        n.put("type", t.type().wire());
        n.put("stream", t.stream().wire());
        n.put("toxicity", t.toxicity());
        return n;
    }

    static String error(ToxiproxyError e) {
        return Json.mapper().createObjectNode().put("error", e.getMessage()).put("status", e.status()).toString();
    }

    private static Map<String, Long> attributes(JsonNode node) {
        JsonNode a = node.get("attributes");
        Map<String, Long> values = new LinkedHashMap<>();
        if (a == null || a.isNull()) {
            return values;
        }
        requireKind(a, JsonNode::isObject, "object");
        a.fields().forEachRemaining(e -> {
            if (!e.getValue().isIntegralNumber() || !e.getValue().canConvertToLong()) {
                throw ToxiproxyError.badBody("json: cannot unmarshal " + e.getValue().getNodeType().name().toLowerCase()
                        + " into Go struct field .attributes." + e.getKey() + " of type int64");
            }
            values.put(e.getKey(), e.getValue().longValue());
        });
        return values;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        requireKind(v, JsonNode::isTextual, "string", field);
        return v.textValue();
    }

    private static Boolean bool(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        requireKind(v, JsonNode::isBoolean, "bool", field);
        return v.booleanValue();
    }

    private static Float number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        requireKind(v, JsonNode::isNumber, "float32", field);
        return v.floatValue();
    }

    private static void requireKind(JsonNode v, java.util.function.Predicate<JsonNode> ok, String expected) {
        requireKind(v, ok, expected, null);
    }

    private static void requireKind(JsonNode v, java.util.function.Predicate<JsonNode> ok, String expected, String field) {
        if (!ok.test(v)) {
            throw ToxiproxyError.badBody("json: cannot unmarshal " + v.getNodeType().name().toLowerCase() + " into "
                    + (field == null ? "Go value" : "Go struct field ." + field) + " of type " + expected);
        }
    }
}
