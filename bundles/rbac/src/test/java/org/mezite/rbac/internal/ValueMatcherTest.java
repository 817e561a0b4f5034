package org.mezite.rbac.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ValueMatcherTest {

    private static final List<String> REGEXES = List.of("^eu-.*$", "^eu-(west|central)-[0-9]$", "^ab?c$", "^a|b$",
            "^(eu|us)-.*$", "^web[0-9]+$", "^\\d+$", "^ab{2}c$", "^a.c$", "^abc", "^a[|]b$", "^(?i)eu-.*$",
            "^e*u$", "^eu\\-x$");

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "^eu-.*$                   ; eu-",
        "^eu-(west|central)-[0-9]$ ; eu-",
        "^ab?c$                    ; a",
        "^a|b$                     ; ''",
        "^(eu|us)-.*$              ; ''",
        "^web[0-9]+$               ; web",
        "^\\d+$                    ; ''",
        "^ab{2}c$                  ; a",
        "^e*u$                     ; ''"})
    void theLiteralPrefixIsWhatEveryMatchStartsWith(String regex, String prefix) {
        assertThat(ValueMatcher.literalPrefix(Pattern.compile(regex))).isEqualTo(prefix);
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.strings().withChars("abceuwst-019|").ofMaxLength(8);
    }

    @Property(tries = 2000)
    void matchingIsExactlyTheRegularExpressionsFullMatch(@ForAll("values") String value) {
        for (String regex : REGEXES) {
            ValueMatcher matcher = ValueMatcher.compile(List.of(regex), literal -> { });
            assertThat(matcher.matches(value, Map.of()))
                    .as("%s against %s", value, regex)
                    .isEqualTo(Pattern.compile(regex).matcher(value).matches());
        }
    }
}
