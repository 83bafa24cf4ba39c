package org.safeguardinghub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The house conventions that {@code docs/architecture.md} promises, one rule each:
 *
 * <ul>
 *   <li>a controller lives in a {@code web} package (the module's own, or a feature's inside it);
 *   <li>SQL is written only in a store, and every store is named {@code <Thing>Records}; the only other places
 *       that may talk to the database are a module's {@code demo} package (which writes its demo data) and the
 *       platform's infrastructure;
 *   <li>YAML is read with Jackson (and checked with Bean Validation), never with SnakeYAML directly;
 *   <li>a controller never sets a 422 or 409 status by hand: a rule's refusal is a {@code Refusal}, and the
 *       platform turns it into the error summary or the conflict page.
 * </ul>
 *
 * Each rule has a twin test that shows it catching the old pattern, so none of them can pass by seeing nothing.
 */
class HouseConventionTests {

    static final JavaClasses MAIN = RefusalConventionTests.MAIN;

    static final DescribedPredicate<JavaClass> CONTROLLERS = DescribedPredicate.describe(
            "are controllers",
            c -> c.isMetaAnnotatedWith(Controller.class) || c.isMetaAnnotatedWith(RestController.class));

    static final ArchRule CONTROLLERS_IN_WEB = classes()
            .that(CONTROLLERS)
            .should()
            .resideInAPackage("..web..")
            .because("controllers live in a web package: a reader finds every route of a module in one place");

    static final DescribedPredicate<JavaClass> TALKS_SQL = DescribedPredicate.describe(
            "use JdbcClient or JdbcTemplate",
            c -> c.getDirectDependenciesFromSelf().stream()
                    .anyMatch(d -> d.getTargetClass().isAssignableTo(JdbcClient.class)
                            || d.getTargetClass().isAssignableTo(JdbcOperations.class)));

    static final ArchRule SQL_ONLY_IN_RECORDS = classes()
            .that(TALKS_SQL)
            .and()
            .resideOutsideOfPackages("org.safeguardinghub.platform..", "..demo..")
            .should(new ArchCondition<JavaClass>("be a store named <Thing>Records") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    String name =
                            c.getEnclosingClass().map(JavaClass::getSimpleName).orElse(c.getSimpleName());
                    if (!name.endsWith("Records")) {
                        events.add(SimpleConditionEvent.violated(
                                c, c.getName() + " writes SQL: move it into a store named <Thing>Records"));
                    }
                }
            });

    static final ArchRule NO_SNAKEYAML = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.yaml.snakeyaml..")
            .because("YAML files are read with Jackson YAML into records checked by Bean Validation");

    private static final Pattern HAND_STATUS =
            Pattern.compile("setStatus\\((422|409)\\)|setStatus\\(HttpStatus\\.(UNPROCESSABLE|CONFLICT)");

    @Test
    void controllersLiveInWebPackages() {
        CONTROLLERS_IN_WEB.check(MAIN);
    }

    @Test
    void sqlIsWrittenOnlyInRecordsClasses() {
        SQL_ONLY_IN_RECORDS.check(MAIN);
    }

    @Test
    void yamlIsReadWithJackson() {
        NO_SNAKEYAML.check(MAIN);
    }

    @Test
    void noControllerSetsARefusalStatusByHand() throws IOException {
        List<String> found = new ArrayList<>();
        Path root = Path.of("src/main/java/org/safeguardinghub");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (file.startsWith(root.resolve("platform"))) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (HAND_STATUS.matcher(lines.get(i)).find()) {
                        found.add(root.relativize(file) + ":" + (i + 1));
                    }
                }
            }
        }
        assertThat(found)
                .as("throw a Refusal (or return FormReply) instead of setting 422/409 by hand")
                .isEmpty();
    }

    @Test
    void theRulesCatchTheOldPatterns() {
        JavaClasses old = new ClassFileImporter().importClasses(OldController.class, OldStore.class, OldYaml.class);
        assertThatThrownBy(() -> CONTROLLERS_IN_WEB.check(old))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OldController");
        assertThatThrownBy(() -> SQL_ONLY_IN_RECORDS.check(old))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OldStore writes SQL");
        assertThatThrownBy(() -> NO_SNAKEYAML.check(old))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OldYaml");
        assertThat(HAND_STATUS.matcher("response.setStatus(422);").find()).isTrue();
    }

    @Controller
    static class OldController {}

    static class OldStore {
        private final JdbcClient jdbc;

        OldStore(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        int count() {
            return jdbc.sql("select 1").query(Integer.class).single();
        }
    }

    static class OldYaml {
        Object read(String text) {
            return new org.yaml.snakeyaml.Yaml().load(text);
        }
    }
}
