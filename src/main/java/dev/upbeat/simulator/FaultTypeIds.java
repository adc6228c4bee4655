package dev.upbeat.simulator;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;

/**
 * Jackson's view of {@link FaultType}: the {@code type} field of a fault is its registry name,
 * so binding follows the registry rather than a second list of subtypes.
 */
final class FaultTypeIds extends TypeIdResolverBase {
    @Override
    public String idFromValue(Object value) {
        return FaultType.of((Fault) value).wire();
    }

    @Override
    public String idFromValueAndType(Object value, Class<?> suggestedType) {
        return idFromValue(value);
    }

    /** An unknown name gives null, which Jackson reports as an invalid type id. */
    @Override
    public JavaType typeFromId(DatabindContext context, String id) {
        return FaultType.fromWire(id).map(t -> context.constructType(t.record())).orElse(null);
    }

    @Override
    public String getDescForKnownTypeIds() {
        return FaultType.allowedValues();
    }

    @Override
    public JsonTypeInfo.Id getMechanism() {
        return JsonTypeInfo.Id.CUSTOM;
    }
}
