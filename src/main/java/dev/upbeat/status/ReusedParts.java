package dev.upbeat.status;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.upbeat.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The parts of the fixed bodies one rebuild made, kept for the next: a snapshot after a change
 * differs from the one before in a few incidents, yet its bodies list dozens of them (the feeds
 * and Statuspage's lists the last 50, the maintenance list every window). A part made from a key
 * equal to one the last rebuild used is copied, not made again, so that work follows what changed,
 * not the length of the history. Keys are records of everything a part is made from, so a copy is
 * what making it again would give; the incidents in them are compared by identity
 * ({@link FixedBodies.Parts}), and so is a part whose JSON is kept: it is the object a key gave.
 * Only the rebuild, one at a time, uses it.
 */
final class ReusedParts implements FixedBodies.Parts {
    private ObjectMapper mapper;
    private Map<Object, Object> last = new HashMap<>();
    private Map<Object, Object> used = new HashMap<>();
    /** The JSON of each {@link ReusedJson} part, by the part's identity: parts come from {@link #get}. */
    private Map<Object, SerializedString> lastJson = new IdentityHashMap<>();
    private Map<Object, SerializedString> usedJson = new IdentityHashMap<>();

    /** The one configuration, with {@link ReusedJson} parts written by {@link Reusing}; made on first use. */
    private ObjectMapper mapper() {
        if (mapper == null) {
            SimpleModule reuse = new SimpleModule("reused parts");
            reuse.setSerializerModifier(new BeanSerializerModifier() {
                @Override
                public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription bean,
                                                          JsonSerializer<?> serializer) {
                    return ReusedJson.class.isAssignableFrom(bean.getBeanClass()) ? new Reusing() : serializer;
                }
            });
            mapper = Json.mapper().copy().registerModule(reuse);
        }
        return mapper;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key, Function<K, V> make) {
        Object made = used.get(key);
        if (made == null) {
            made = last.get(key);
            if (made == null) {
                made = make.apply(key);
            }
            used.put(key, made);
        }
        return (V) made;
    }

    /** What {@link Json#mapper()} writes for {@code body}, each {@link ReusedJson} part in it serialised once. */
    byte[] toJson(Object body) {
        try {
            return mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + body.getClass().getSimpleName(), e);
        }
    }

    /** Ends a rebuild: what it used is kept for the next, anything older is dropped. */
    void next() {
        last = used;
        used = new HashMap<>();
        lastJson = usedJson;
        usedJson = new IdentityHashMap<>();
    }

    /**
     * Writes a part as the bytes {@link Json#mapper()} makes of it alone: an object's JSON does not
     * depend on where it stands. Decoding that UTF-8 to a String and writing it raw gives the same
     * bytes back; a {@link SerializedString} keeps them encoded, so a copy is an array copy.
     */
    private final class Reusing extends StdSerializer<Object> {
        Reusing() {
            super(Object.class);
        }

        @Override
        public void serialize(Object part, JsonGenerator gen, SerializerProvider provider) throws IOException {
            SerializedString json = usedJson.get(part);
            if (json == null) {
                json = lastJson.get(part);
                if (json == null) {
                    json = new SerializedString(new String(StatusSnapshots.toJson(part), StandardCharsets.UTF_8));
                }
                usedJson.put(part, json);
            }
            gen.writeRawValue(json);
        }
    }
}
