package org.safeguardinghub;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries hold, and the module documentation in docs/modules is regenerated from the code. */
class ModularityTests {

    /** Test classes live in the modules' packages too; they may reach across modules, the product may not. */
    static final ImportOption MAIN_CODE_ONLY = location -> !location.contains("/test-classes/");

    static final ApplicationModules modules = ApplicationModules.of(HubApplication.class, MAIN_CODE_ONLY);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
