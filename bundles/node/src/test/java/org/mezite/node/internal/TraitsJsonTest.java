package org.mezite.node.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The traits a certificate carries ({@code mezite-traits@mezite.org}), read strictly. */
class TraitsJsonTest {

    @Test
    void readsAnObjectOfStringListsInItsOrder() {
        Map<String, List<String>> traits = TraitsJson.parse("{\"logins\":[\"alice\",\"ubuntu\"],\"team\":[\"dev\"]}");

        assertThat(traits).containsExactly(Map.entry("logins", List.of("alice", "ubuntu")),
                Map.entry("team", List.of("dev")));
    }

    @Test
    void takesWhitespaceEmptyObjectsAndEmptyLists() {
        assertThat(TraitsJson.parse("{}")).isEmpty();
        assertThat(TraitsJson.parse(" \t\r\n{ \"groups\" : [ ] , \"team\" :[ \"a\" , \"b\" ] }\n"))
                .containsExactly(Map.entry("groups", List.of()), Map.entry("team", List.of("a", "b")));
    }

    @Test
    void decodesEveryJsonEscape() {
        Map<String, List<String>> traits = TraitsJson.parse(
                "{\"k\\\"ey\":[\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t\",\"\\u00e9\\u4E2D\",\"\\ud83d\\ude00\"]}");

        assertThat(traits).containsOnlyKeys("k\"ey");
        assertThat(traits.get("k\"ey")).containsExactly("q\" b\\ s/ \b\f\n\r\t", "é中", "😀");
    }

    @Test
    void keepsCharactersThatNeedNoEscape() {
        assertThat(TraitsJson.parse("{\"équipe\":[\"开发\",\"😀\"]}"))
                .containsExactly(Map.entry("équipe", List.of("开发", "😀")));
    }

    @Test
    void refusesWhatIsNotAnObjectOfStringListsSayingWhereAndWhy() {
        assertRefused("", "at the end: expected '{' (a JSON object of string lists)");
        assertRefused("[\"alice\"]", "at offset 0: expected '{'");
        assertRefused("{\"team\":\"dev\"}",
                "at offset 8: expected '[' (the values of trait \"team\" as a list of strings)");
        assertRefused("{\"team\":[1]}", "at offset 9: expected a string (a value of trait \"team\")");
        assertRefused("{\"team\":[null]}", "at offset 9: expected a string");
        assertRefused("{\"team\":[[\"dev\"]]}", "at offset 9: expected a string");
        assertRefused("{\"team\":{\"a\":[]}}", "at offset 8: expected '['");
        assertRefused("{team:[]}", "at offset 1: expected a trait name (a string)");
        assertRefused("{\"a\":[],}", "at offset 8: expected a trait name");
        assertRefused("{\"a\":[\"x\",]}", "at offset 10: expected a string");
        assertRefused("{\"a\" []}", "at offset 5: expected ':'");
        assertRefused("{\"a\":[\"x\" \"y\"]}", "at offset 10: expected ',' or ']'");
        assertRefused("{\"a\":[] \"b\":[]}", "at offset 8: expected ',' or '}'");
    }

    @Test
    void refusesARepeatedTraitAndTextAfterTheObject() {
        assertRefused("{\"team\":[\"a\"],\"team\":[\"b\"]}", "at offset 14: trait \"team\" appears twice");
        assertRefused("{} {}", "at offset 3: unexpected text after the object");
        assertRefused("{\"a\":[]}x", "at offset 8: unexpected text after the object");
    }

    @Test
    void refusesBrokenStrings() {
        assertRefused("{\"a\":[\"x]}", "at offset 6: unterminated string");
        assertRefused("{\"a\":[\"x\\", "at offset 6: unterminated string");
        assertRefused("{\"a\":[\"\\x\"]}", "at offset 7: invalid escape \\x");
        assertRefused("{\"a\":[\"\\u12\"]}", "at offset 7: \\u needs four hexadecimal digits");
        assertRefused("{\"a\":[\"\\u12G4\"]}", "at offset 7: \\u needs four hexadecimal digits");
        assertRefused("{\"a\":[\"\\u12", "at offset 7: \\u needs four hexadecimal digits");
        assertRefused("{\"a\":[\"line\nbreak\"]}",
                "at offset 11: control character U+000A in a string (must be escaped)");
        assertRefused("{\"a\":[\"\\ud83d\"]}", "at offset 6: unpaired surrogate U+D83D in a string");
        assertRefused("{\"a\":[\"\\ude00\\ud83d\"]}", "at offset 6: unpaired surrogate U+DE00");
    }

    @Test
    void refusesNoValue() {
        assertThatThrownBy(() -> TraitsJson.parse(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no value");
    }

    private static void assertRefused(String text, String message) {
        assertThatThrownBy(() -> TraitsJson.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }
}
