package org.mezite.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AuditDetailsTest {

    @Test
    void valuesAreEscapedAndNullsLeftOut() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("env", "d\"ev");
        String json = new AuditDetails().put("a", "say \"hi\"\n").put("b", Arrays.asList("x\\y", "\u0001"))
                .put("n", 3).put("t", true).put("labels", labels).put("missing", (String) null).toString();

        assertThat(json).isEqualTo("{\"a\":\"say \\\"hi\\\"\\n\",\"b\":[\"x\\\\y\",\"\\u0001\"],\"n\":3,\"t\":true,"
                + "\"labels\":{\"env\":\"d\\\"ev\"}}");
    }

    @Test
    void emptyIsAnEmptyObject() {
        assertThat(new AuditDetails().toString()).isEqualTo("{}");
    }
}
