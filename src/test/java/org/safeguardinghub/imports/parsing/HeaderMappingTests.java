package org.safeguardinghub.imports.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.imports.ImportColumn;

class HeaderMappingTests {

    static final List<ImportColumn> COLUMNS = List.of(
            ImportColumn.required("name", "Name"),
            ImportColumn.optional("short_name", "Short name"),
            ImportColumn.required("type", "Type"));

    @Test
    void matchesHeadersIgnoringCaseSpacesAndHyphensInAnyOrder() {
        HeaderMapping mapping = HeaderMapping.match(List.of("TYPE", " Short Name ", "Name"), COLUMNS);
        assertThat(mapping.values(List.of("Police", "KP", "Kent Police")))
                .containsEntry("name", "Kent Police")
                .containsEntry("short_name", "KP")
                .containsEntry("type", "Police");
        assertThat(HeaderMapping.match(List.of("name", "short-name", "type"), COLUMNS)
                        .values(List.of("a", "b", "c")))
                .containsEntry("short_name", "b");
    }

    @Test
    void optionalColumnsMayBeLeftOut() {
        HeaderMapping mapping = HeaderMapping.match(List.of("name", "type"), COLUMNS);
        assertThat(mapping.values(List.of("A", "B"))).containsOnlyKeys("name", "type");
    }

    @Test
    void reportsMissingRequiredAndUnknownColumns() {
        FileRejected e = catchThrowableOfType(
                FileRejected.class, () -> HeaderMapping.match(List.of("Name", "Colour", "Size"), COLUMNS));
        assertThat(e.messages()).hasSize(2);
        assertThat(e.messages().get(0)).contains("missing the required column \"type\"");
        assertThat(e.messages().get(1))
                .contains("\"Colour\", \"Size\" are not recognised")
                .contains("\"name\", \"short_name\", \"type\"");
    }

    @Test
    void reportsRepeatedColumns() {
        FileRejected e = catchThrowableOfType(
                FileRejected.class, () -> HeaderMapping.match(List.of("name", "type", "NAME"), COLUMNS));
        assertThat(e.messages()).singleElement().asString().contains("\"name\" appear more than once");
    }

    @Test
    void findsValuesThatWouldBeDropped() {
        HeaderMapping mapping = HeaderMapping.match(List.of("name", "", "type"), COLUMNS);
        assertThat(mapping.strayValues(List.of("A", "", "B"))).isZero();
        assertThat(mapping.strayValues(List.of("A", "x", "B", "y", ""))).isEqualTo(2);
        assertThat(mapping.values(List.of("A", "x", "B", "y"))).containsOnlyKeys("name", "type");
    }
}
