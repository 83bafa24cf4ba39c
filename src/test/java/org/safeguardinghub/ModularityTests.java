package org.safeguardinghub;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.modulith.core.ApplicationModules;

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
        ModuleDocs.write(modules, Path.of("docs/modules"));
    }

    /** A second run changes nothing: the same code gives the same files, whatever order the Documenter used. */
    @Test
    void generatingTwiceGivesIdenticalFiles(@TempDir Path first, @TempDir Path second) throws IOException {
        ModuleDocs.write(ModuleDocs.freshModules(), first);
        ModuleDocs.write(ModuleDocs.freshModules(), second);

        List<Path> files = ModuleDocs.files(first);
        assertThat(files).isNotEmpty();
        assertThat(ModuleDocs.files(second).stream().map(Path::getFileName).toList())
                .isEqualTo(files.stream().map(Path::getFileName).toList());
        for (Path file : files) {
            assertThat(Files.readString(second.resolve(file.getFileName())))
                    .as(file.getFileName().toString())
                    .isEqualTo(Files.readString(file));
        }
    }

    /**
     * The files list modules, relations, components and events in name order, not in the order of the Documenter's
     * hash sets (which moved unrelated lines whenever a class was added).
     */
    @Test
    void documentationListsEverythingInNameOrder(@TempDir Path folder) throws IOException {
        ModuleDocs.write(modules, folder);
        for (Path file : ModuleDocs.files(folder)) {
            List<String> lines = Files.readAllLines(file);
            String name = file.getFileName().toString();
            for (String prefix : List.of("Component(", "Rel(")) {
                List<String> listed = lines.stream()
                        .map(String::strip)
                        .filter(line -> line.startsWith(prefix))
                        .toList();
                assertThat(listed).as(name + " " + prefix).isSorted();
            }
            List<String> items = new java.util.ArrayList<>();
            for (String line : lines) {
                if (line.startsWith("* ") || line.startsWith("|* ")) {
                    items.add(line.replaceFirst("^\\|", ""));
                } else if (line.startsWith("|") || line.isEmpty()) {
                    assertThat(items).as(name + " list before " + line).isSorted();
                    items.clear();
                }
            }
        }
    }
}
