package org.mezite.store.jpa.internal.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void roundTripsListsAndMapsWithAwkwardStrings() {
        List<String> list = List.of("plain", "quote \" and \\ backslash", "new\nline\ttab", "ünï€ode", "\u0001");
        Map<String, String> labels = Map.of("env", "prod", "k\"ey", "v\\alue");
        Map<String, List<String>> traits = Map.of("logins", List.of("root", "ubuntu"), "empty", List.of());

        assertThat(JsonText.readList(JsonText.writeList(list))).isEqualTo(list);
        assertThat(JsonText.readMap(JsonText.writeMap(labels))).isEqualTo(labels);
        assertThat(JsonText.readListMap(JsonText.writeListMap(traits))).isEqualTo(traits);
    }

    @Test
    void writesCompactSortedJson() {
        assertThat(JsonText.writeList(List.of("a", "b"))).isEqualTo("[\"a\",\"b\"]");
        assertThat(JsonText.writeMap(Map.of("b", "2", "a", "1"))).isEqualTo("{\"a\":\"1\",\"b\":\"2\"}");
        assertThat(JsonText.writeListMap(Map.of("logins", List.of("root")))).isEqualTo("{\"logins\":[\"root\"]}");
    }

    @Test
    void readsJsonWrittenByOthers() {
        assertThat(JsonText.readMap(" { \"env\" : \"prod\" , \"x\":\"\\u00e9\\/\" } "))
                .containsEntry("env", "prod").containsEntry("x", "é/");
        // rows written before Jackson escaped control characters with lower-case hex digits
        assertThat(JsonText.readList("[\"\\u001f\\u0008\"]")).containsExactly("\u001f\b");
    }

    @Test
    void reportsCorruptColumnsClearly() {
        assertThatThrownBy(() -> JsonText.readList("{\"a\":\"b\"}")).isInstanceOf(IllegalStateException.class)
                .hasMessage("stored JSON {\"a\":\"b\"} is not an array of strings");
        assertThatThrownBy(() -> JsonText.readList("[\"a\"")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is malformed at character 4");
        assertThatThrownBy(() -> JsonText.readMap("{\"a\":1}")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void saysWhereAndWhyAColumnIsMalformed() {
        assertThatThrownBy(() -> JsonText.readList("[\"a\""))
                .hasMessage("stored JSON [\"a\" is malformed at character 4: unexpected end");
        assertThatThrownBy(() -> JsonText.readList("  "))
                .hasMessage("stored JSON    is malformed at character 2: unexpected end");
        assertThatThrownBy(() -> JsonText.readMap("{\"env\":\"prod\"} {}"))
                .hasMessage("stored JSON {\"env\":\"prod\"} {} is malformed at character 15: unexpected text after the value");
        assertThatThrownBy(() -> JsonText.readList("[\"a\"] x")).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("stored JSON [\"a\"] x is malformed at character 6: ");
    }

    @Test
    void acceptsOnlyTheShapesItWrites() {
        assertThatThrownBy(() -> JsonText.readList("[\"a\",null]"))
                .hasMessage("stored JSON [\"a\",null] is not an array of strings");
        assertThatThrownBy(() -> JsonText.readList("null")).hasMessage("stored JSON null is not an array of strings");
        assertThatThrownBy(() -> JsonText.readMap("[]")).hasMessage("stored JSON [] is not an object of strings");
        assertThatThrownBy(() -> JsonText.readListMap("{\"logins\":\"root\"}"))
                .hasMessage("stored JSON {\"logins\":\"root\"} is not an array of strings");
    }

    @Test
    void refusesToStoreNulls() {
        assertThatThrownBy(() -> JsonText.writeList(Arrays.asList("a", null))).isInstanceOf(NullPointerException.class);
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("env", null);
        assertThatThrownBy(() -> JsonText.writeMap(nullValue)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void showsOnlyTheStartOfALongColumn() {
        String json = "[\"" + "x".repeat(100) + "\",1]";
        assertThatThrownBy(() -> JsonText.readList(json))
                .hasMessage("stored JSON " + json.substring(0, 80) + "... is not an array of strings");
    }
}
