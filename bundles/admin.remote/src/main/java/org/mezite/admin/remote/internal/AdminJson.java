package org.mezite.admin.remote.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * The JSON form of admin calls, as {@code admin.proto} describes it and the Auth server reads and writes it:
 * Jackson's for records, lists, maps and enums, with {@link Instant} and {@link Duration} as ISO-8601 strings (the
 * hub ships no jackson-datatype-jsr310). Values are read as the types the admin method declares, nothing else.
 */
final class AdminJson {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new SimpleModule("mezite-admin-time")
                    .addSerializer(Instant.class, new ToStringSerializer<>())
                    .addDeserializer(Instant.class, new IsoDeserializer<>(Instant.class, Instant::parse))
                    .addSerializer(Duration.class, new ToStringSerializer<>())
                    .addDeserializer(Duration.class, new IsoDeserializer<>(Duration.class, Duration::parse)))
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The arguments after the caller as a JSON array, each written as the type the method declares. */
    String arguments(Method method, Object[] arguments) throws IOException {
        Type[] types = method.getGenericParameterTypes();
        StringWriter json = new StringWriter();
        try (JsonGenerator array = mapper.getFactory().createGenerator(json)) {
            array.writeStartArray();
            for (int i = 1; i < types.length; i++) {
                mapper.writerFor(mapper.constructType(types[i])).writeValue(array, arguments[i]);
            }
            array.writeEndArray();
        }
        return json.toString();
    }

    /** The result as the type the method returns; {@code null} for void. */
    Object result(Method method, String json) throws IOException {
        if (method.getReturnType() == void.class) {
            return null;
        }
        return mapper.readerFor(mapper.constructType(method.getGenericReturnType())).readValue(json);
    }

    private static final class ToStringSerializer<T> extends JsonSerializer<T> {
        @Override
        public void serialize(T value, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeString(value.toString());
        }
    }

    private static final class IsoDeserializer<T> extends JsonDeserializer<T> {

        private final Class<T> type;
        private final Function<String, T> parse;

        IsoDeserializer(Class<T> type, Function<String, T> parse) {
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
