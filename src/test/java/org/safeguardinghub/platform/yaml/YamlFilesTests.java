package org.safeguardinghub.platform.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class YamlFilesTests {

    record Meeting(
            @NotBlank String name,
            @NotNull DayOfWeek day,
            @Max(12) int month,
            @Nullable String note) {}

    record Calendar(@NotBlank String title, List<@Valid Meeting> meetings) {}

    @Test
    void aFileIsReadIntoItsRecord() {
        Calendar calendar = YamlFiles.read("calendar.yml", """
                # a comment
                title: Partnership meetings
                meetings:
                  - name: Board
                    day: tuesday
                    month: 4
                  - name: Executive
                    day: FRIDAY
                    month: 11
                    note: |
                      Two lines
                      of note
                """, Calendar.class);

        assertThat(calendar.title()).isEqualTo("Partnership meetings");
        assertThat(calendar.meetings())
                .containsExactly(
                        new Meeting("Board", DayOfWeek.TUESDAY, 4, null),
                        new Meeting("Executive", DayOfWeek.FRIDAY, 11, "Two lines\nof note\n"));
    }

    @Test
    void everyBrokenRuleIsNamedByFileAndField() {
        assertThatThrownBy(() -> YamlFiles.read("calendar.yml", """
                        title: " "
                        meetings:
                          - name: Board
                            day: MONDAY
                            month: 13
                        """, Calendar.class))
                .isInstanceOfSatisfying(YamlFiles.InvalidFile.class, e -> {
                    assertThat(e.problems())
                            .containsExactly(
                                    "meetings[0].month: must be less than or equal to 12", "title: must not be blank");
                    assertThat(e.getMessage()).startsWith("calendar.yml: ");
                });
    }

    @Test
    void aValueOfTheWrongKindNamesItsField() {
        assertThatThrownBy(() -> YamlFiles.read("calendar.yml", """
                        title: T
                        meetings:
                          - name: Board
                            day: SOMEDAY
                            month: 1
                        """, Calendar.class))
                .isInstanceOfSatisfying(
                        YamlFiles.InvalidFile.class,
                        e -> assertThat(e.problems().get(0)).startsWith("meetings[0].day: "));
    }

    @Test
    void duplicateAndUnknownKeysAndNonsenseAreRefused() {
        assertThat(problem("title: A\ntitle: B\n")).contains("title");
        assertThat(problem("title: A\ntitel: B\n")).contains("titel");
        assertThat(problem("just: [unclosed")).startsWith("a.yml: ");
        assertThat(problem("# only a comment\n")).isEqualTo("a.yml: file: empty");
    }

    private static String problem(String text) {
        try {
            YamlFiles.read("a.yml", text, Calendar.class);
        } catch (YamlFiles.InvalidFile e) {
            return e.getMessage();
        }
        throw new AssertionError("read without a problem: " + text);
    }
}
