package dev.upbeat.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.json.Json;
import org.junit.jupiter.api.Test;

/** The dotted paths a probe compares: names and array indexes, nothing more. */
class JsonPathTest {
    private final JsonNode root = parse("{\"data\":{\"items\":[{\"state\":\"green\",\"n\":3}],\"7\":\"seven\"},\"ok\":true}");

    @Test
    void names_and_indexes_lead_to_the_value() {
        assertThat(JsonPath.find(root, "data.items.0.state")).map(JsonPath::text).contains("green");
        assertThat(JsonPath.find(root, "data.items.0.n")).map(JsonPath::text).contains("3");
        assertThat(JsonPath.find(root, "ok")).map(JsonPath::text).contains("true");
        assertThat(JsonPath.find(root, "data.items.0")).map(JsonPath::text).contains("{\"state\":\"green\",\"n\":3}");
    }

    @Test
    void digits_name_a_field_of_an_object_and_an_element_of_an_array() {
        assertThat(JsonPath.find(root, "data.7")).map(JsonPath::text).contains("seven");
        assertThat(JsonPath.find(root, "data.items.1")).isEmpty();
    }

    @Test
    void a_step_that_does_not_exist_gives_nothing_rather_than_an_error() {
        assertThat(JsonPath.find(root, "data.missing")).isEmpty();
        assertThat(JsonPath.find(root, "ok.deeper")).isEmpty();
        assertThat(JsonPath.find(root, "data.items.state")).isEmpty();
        assertThat(JsonPath.find(root, "data.items.99999999999")).isEmpty();
    }

    @Test
    void a_path_is_dot_separated_steps_without_blanks() {
        assertThat(JsonPath.isValid("data.items.0.state")).isTrue();
        assertThat(JsonPath.isValid("status")).isTrue();
        assertThat(JsonPath.isValid("data..state")).isFalse();
        assertThat(JsonPath.isValid(".data")).isFalse();
        assertThat(JsonPath.isValid("data items")).isFalse();
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
