package org.mezite.auth.internal.grpc;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * The JSON form of admin calls (see {@code admin.proto}): Jackson's for records, lists, maps and enums, with
 * {@link Instant} and {@link Duration} as ISO-8601 strings. The hub ships no jackson-datatype-jsr310, so those two
 * types have their own small (de)serialisers here; the client in {@code org.mezite.admin.remote} writes the same.
 * No polymorphic typing: every value is read as the type the admin method declares, nothing else.
 */
final class AdminJson {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new SimpleModule("mezite-admin-time")
                    .addSerializer(Instant.class, new ToStringSerializer<>())
                    .addDeserializer(Instant.class, new IsoDeserializer<>(Instant.class, Instant::parse))
                    .addSerializer(Duration.class, new ToStringSerializer<>())
                    .addDeserializer(Duration.class, new IsoDeserializer<>(Duration.class, Duration::parse)))
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * The method's arguments after the caller, read from a JSON array with one element each.
     *
     * @throws IllegalArgumentException saying what does not fit
     */
    Object[] arguments(Method method, String json) {
        Type[] types = method.getGenericParameterTypes();
        int expected = types.length - 1;
        JsonNode array;
        try {
            array = mapper.readTree(json.isBlank() ? "[]" : json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("arguments_json: not JSON: " + e.getOriginalMessage());
        }
        if (!array.isArray() || array.size() != expected) {
            throw new IllegalArgumentException("arguments_json: " + method.getDeclaringClass().getSimpleName() + "."
                    + method.getName() + " takes a JSON array of " + expected + " argument"
                    + (expected == 1 ? "" : "s") + " after the caller");
        }
        Object[] arguments = new Object[types.length];
        for (int i = 0; i < expected; i++) {
            Class<?> type = method.getParameterTypes()[i + 1];
            if (type.isPrimitive() && array.get(i).isNull()) {
                throw new IllegalArgumentException("arguments_json[" + i + "]: a " + type.getName()
                        + " cannot be null");
            }
            try {
                arguments[i + 1] = mapper.readerFor(mapper.constructType(types[i + 1])).readValue(array.get(i));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("arguments_json[" + i + "]: not a "
                        + type.getSimpleName() + ": " + rootMessage(e));
            }
        }
        return arguments;
    }

    /** The method's result as JSON; {@code null} for void. */
    String result(Method method, Object result) throws JsonProcessingException {
        if (method.getReturnType() == void.class) {
            return "null";
        }
        return mapper.writerFor(mapper.constructType(method.getGenericReturnType())).writeValueAsString(result);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof JsonProcessingException json) {
            return json.getOriginalMessage();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    private static final class ToStringSerializer<T> extends JsonSerializer<T> {
        @Override
        public void serialize(T value, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeString(value.toString());
        }
    }

    private static final class IsoDeserializer<T> extends JsonDeserializer<T> {

        private final Class<T> type;
        private final java.util.function.Function<String, T> parse;

        IsoDeserializer(Class<T> type, java.util.function.Function<String, T> parse) {
            this.type = type;
            this.parse = parse;
        }

        @Override
        public T deserialize(JsonParser json, DeserializationContext context) throws IOException {
            if (json.currentToken() != JsonToken.VALUE_STRING) {
                return type.cast(context.handleUnexpectedToken(type, json));
            }
            try {
                return parse.apply(json.getText());
            } catch (DateTimeParseException e) {
                return type.cast(context.handleWeirdStringValue(type, json.getText(), "not ISO-8601"));
            }
        }
    }
}
