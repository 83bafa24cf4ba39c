package org.safeguardinghub.performance.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.performance.catalogue.CatalogueFile.IndicatorSpec;
import org.safeguardinghub.performance.catalogue.CatalogueFile.ItemSpec;
import org.springframework.core.io.ClassPathResource;

/** Reading and writing catalogue files, without Spring. */
class CatalogueFilesTests {

    static String kent() throws IOException {
        return new ClassPathResource("performance/catalogue/kent.yml").getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theKentFileReadsWithoutProblemsAndHoldsTheContractCodes() throws IOException {
        CatalogueFiles.Parsed parsed = CatalogueFiles.parse(kent(), List.of());
        assertThat(parsed.problems()).isEmpty();
        CatalogueFile file = parsed.file();
        assertThat(file.partnership()).isEqualTo("KSCMP");
        assertThat(file.description()).contains("Essex", "Nottinghamshire");
        assertThat(file.items())
                .extracting(ItemSpec::code)
                .contains(
                        "population_u18",
                        "cin_count",
                        "cp_plans",
                        "cp_plans_second_time",
                        "cp_plans_disability",
                        "cla_total",
                        "cla_uasc",
                        "csws_referrals",
                        "csws_re_referrals",
                        "s47_enquiries",
                        "front_door_contacts",
                        "early_help_children",
                        "missing_episodes",
                        "private_fostering",
                        "elective_home_education",
                        "children_in_custody",
                        "police_protections",
                        "da_notifications_child",
                        "nelft_referrals");
        assertThat(file.indicators())
                .extracting(IndicatorSpec::code)
                .contains(
                        "cin_rate",
                        "cp_rate",
                        "cla_rate",
                        "s47_rate",
                        "cp_second_time_pct",
                        "re_referral_pct",
                        "missing_episodes",
                        "children_in_custody",
                        "police_protections",
                        "cp_plans",
                        "cla_uasc",
                        "private_fostering",
                        "elective_home_education",
                        "nelft_referrals");
        ItemSpec population = file.items().stream()
                .filter(i -> i.code().equals("population_u18"))
                .findFirst()
                .orElseThrow();
        assertThat(population.frequency()).isEqualTo(Frequency.ANNUAL);
        assertThat(population.breakdowns()).containsExactly(Breakdown.DISTRICT);
        assertThat(population.sourceAgency()).isEqualTo("Kent County Council");
        IndicatorSpec cp = file.indicators().stream()
                .filter(i -> i.code().equals("cp_rate"))
                .findFirst()
                .orElseThrow();
        assertThat(cp.current().factor()).isEqualTo(Factor.PER_10000);
        assertThat(cp.current().target()).isEqualByComparingTo("35.7");
        assertThat(cp.current().benchmarkEngland()).isEqualByComparingTo("55.8");
        assertThat(cp.current().benchmarkNeighbours()).isEqualByComparingTo("38.55");
        IndicatorSpec cla = file.indicators().stream()
                .filter(i -> i.code().equals("cla_rate"))
                .findFirst()
                .orElseThrow();
        assertThat(cla.older()).hasSize(1);
        assertThat(cla.older().get(0).formulaDiffers(cla.current())).isTrue();
        Set<String> priorities = Set.of(
                "Mental health of children and young people",
                "Impact of parent mental health",
                "Effective multi-agency working",
                "Online safety");
        file.indicators()
                .forEach(i -> assertThat(priorities).containsAll(i.current().priorities()));
        assertThat(file.rules()).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void everyProblemIsReportedWithItsPath() {
        String bad = """
                partnership: KSCMP
                version: one
                items:
                  - code: t_a
                    name: A
                    period_type: MONTHLY
                  - code: t_a
                    name: Duplicate
                    period_type: WEEKLY
                rules:
                  - code: r1
                    left: t_a
                    operator: "=>"
                    right: t_missing
                    message: m
                indicators:
                  - code: i1
                    name: One
                    numerator: cpp_plans
                    factor: PERCENT
                    effective_from: 2024-04-01
                  - code: i2
                    name: Two
                    numerator: t_a *
                    decimals: 7
                    effective_from: someday
                """;
        CatalogueFiles.Parsed parsed = CatalogueFiles.parse(bad, List.of());
        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.problems())
                .contains(
                        "version: must be a whole number, not one",
                        "items[1].code: t_a appears more than once",
                        "rules[0].right: unknown item code t_missing",
                        "indicators[0].numerator: unknown item code cpp_plans",
                        "indicators[1].decimals: must be between 0 and 4")
                .anyMatch(p -> p.startsWith("items[1].period_type: must be one of"))
                .anyMatch(p -> p.startsWith("rules[0].operator:"))
                .anyMatch(p -> p.startsWith("indicators[0].denominator: required"))
                .anyMatch(p -> p.startsWith("indicators[1].numerator: Join data item codes"))
                .anyMatch(p -> p.startsWith("indicators[1].effective_from: must be a date"));
    }

    @Test
    void anItemsDeclaredRangeMustLieWithinTheHubsCeiling() {
        String file = """
                partnership: KSCMP
                version: 1
                items:
                  - code: t_huge
                    name: Huge
                    period_type: MONTHLY
                    max: 99999999999999999999
                  - code: t_fine
                    name: Fine
                    period_type: MONTHLY
                    max: 999999999999
                """;
        assertThat(CatalogueFiles.parse(file, List.of()).problems())
                .containsExactly("items[0].max: must be between 0 and 999,999,999,999");
    }

    @Test
    void existingCodesMayBeUsedAndNonsenseIsNotAFile() {
        String text = """
                partnership: KSCMP
                version: 2
                indicators:
                  - code: i1
                    name: One
                    numerator: t_existing
                    effective_from: 2024-04-01
                """;
        assertThat(CatalogueFiles.parse(text, List.of("t_existing")).ok()).isTrue();
        assertThat(CatalogueFiles.parse(text, List.of()).problems())
                .containsExactly("indicators[0].numerator: unknown item code t_existing");
        assertThat(CatalogueFiles.parse("just: [unclosed", List.of()).problems().get(0))
                .startsWith("file:");
        assertThat(CatalogueFiles.parse("- a list", List.of()).problems().get(0))
                .startsWith("file:");
    }

    @Test
    void writingThenReadingGivesTheSameCatalogue() throws IOException {
        CatalogueFile file = CatalogueFiles.parse(kent(), List.of()).file();
        String written = CatalogueFiles.write(file, "Exported\nfor a test");
        assertThat(written).startsWith("# Exported\n# for a test\n");
        CatalogueFiles.Parsed again = CatalogueFiles.parse(written, List.of());
        assertThat(again.problems()).isEmpty();
        assertThat(again.file().items()).isEqualTo(file.items());
        assertThat(again.file().rules()).isEqualTo(file.rules());
        for (int i = 0; i < file.indicators().size(); i++) {
            IndicatorSpec a = file.indicators().get(i);
            IndicatorSpec b = again.file().indicators().get(i);
            assertThat(b.code()).isEqualTo(a.code());
            assertThat(b.current().definitionDiffers(a.current())).as(a.code()).isFalse();
            assertThat(b.older()).hasSameSizeAs(a.older());
        }
    }
}
