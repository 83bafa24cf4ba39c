package org.safeguardinghub.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The changes column as written: a flat object of field to {before, after}, in the order the fields came. */
class AuditChangesJsonTests {

    @Test
    void writesEachFieldWithBeforeAndAfterInOrderAndNullsAsNull() {
        Map<String, AuditTrail.FieldChange> changes = new LinkedHashMap<>();
        changes.put("status", new AuditTrail.FieldChange("DRAFT", "SUBMITTED"));
        changes.put("name", new AuditTrail.FieldChange(null, "Kent Police"));
        changes.put("note", new AuditTrail.FieldChange("old", null));

        assertThat(AuditTrail.json(changes))
                .isEqualTo("{\"status\":{\"before\":\"DRAFT\",\"after\":\"SUBMITTED\"},"
                        + "\"name\":{\"before\":null,\"after\":\"Kent Police\"},"
                        + "\"note\":{\"before\":\"old\",\"after\":null}}");
    }

    @Test
    void escapesQuotesBackslashesAndLineBreaksAsBefore() {
        String json = AuditTrail.json(
                Map.of("detail", new AuditTrail.FieldChange(null, "said \"no\" \\ then\nleft\r\tok é")));

        assertThat(json)
                .isEqualTo("{\"detail\":{\"before\":null,\"after\":\"said \\\"no\\\" \\\\ then\\nleft\\r\\tok é\"}}");
    }

    @Test
    void otherControlCharactersReadBackAsTheSameText() {
        String text = "bell\u0007 back\b feed\f unit\u001f";
        String json = AuditTrail.json(Map.of("detail", new AuditTrail.FieldChange(text, "x")));

        assertThat(json).doesNotContain("\u0007").doesNotContain("\b").doesNotContain("\u001f");
        assertThat(JsonMapper.shared()
                        .readTree(json)
                        .get("detail")
                        .get("before")
                        .asString())
                .isEqualTo(text);
    }

    @Test
    void noChangesIsAnEmptyObject() {
        assertThat(AuditTrail.json(Map.of())).isEqualTo("{}");
    }
}
