package org.safeguardinghub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.TryCatchBlock;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.platform.web.Refusal;
import org.springframework.stereotype.Controller;

/**
 * House convention: web code never catches {@link IllegalStateException}. A business rule says no with a
 * {@link Refusal}, which web code catches (or leaves to the platform advice); any other {@code IllegalStateException}
 * is a fault that must reach the error page, not be shown to a user as a form message.
 */
class RefusalConventionTests {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ModularityTests.MAIN_CODE_ONLY)
            .importPackages("org.safeguardinghub");

    static final DescribedPredicate<JavaClass> WEB_CODE = DescribedPredicate.describe(
            "are in a web package or are controllers",
            c -> c.getPackageName().matches(".*\\.web(\\..*)?")
                    || c.isMetaAnnotatedWith(Controller.class)
                    || c.getEnclosingClass()
                            .map(outer -> outer.isMetaAnnotatedWith(Controller.class))
                            .orElse(false));

    static final ArchRule WEB_CODE_CATCHES_NO_ILLEGAL_STATE = classes()
            .that(WEB_CODE)
            .should(new ArchCondition<JavaClass>("not catch IllegalStateException") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    for (JavaCodeUnit unit : c.getCodeUnits()) {
                        for (TryCatchBlock block : unit.getTryCatchBlocks()) {
                            if (block.getCaughtThrowables().stream()
                                    .anyMatch(t -> t.isEquivalentTo(IllegalStateException.class))) {
                                events.add(SimpleConditionEvent.violated(
                                        c,
                                        unit.getFullName() + " catches IllegalStateException at "
                                                + block.getSourceCodeLocation()
                                                + ": throw and catch a Refusal for a rule's refusal instead"));
                            }
                        }
                    }
                }
            });

    @Test
    void webCodeCatchesNoIllegalStateException() {
        WEB_CODE_CATCHES_NO_ILLEGAL_STATE.check(MAIN);
    }

    @Test
    void theRuleSeesACatchInAController() {
        JavaClasses old = new ClassFileImporter().importClasses(CatchingController.class, Refusing.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WEB_CODE_CATCHES_NO_ILLEGAL_STATE.check(old))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("CatchingController.save()")
                .hasMessageNotContaining("Refusing");
    }

    /** The old pattern: a controller turning any IllegalStateException into a form message. */
    @Controller
    static class CatchingController {
        String save() {
            try {
                return Integer.toString(Integer.parseInt("1"));
            } catch (IllegalStateException e) {
                return e.getMessage();
            }
        }
    }

    /** The new pattern: only a rule's refusal is caught. */
    @Controller
    static class Refusing {
        String save() {
            try {
                return Integer.toString(Integer.parseInt("1"));
            } catch (Refusal e) {
                return e.getMessage();
            }
        }
    }
}
