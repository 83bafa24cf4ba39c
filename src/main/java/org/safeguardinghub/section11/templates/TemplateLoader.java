package org.safeguardinghub.section11.templates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Loads the template files in the repository ({@code section11/templates/*.yml}) at start, in every mode: a file
 * whose code and version the library does not hold yet is added whole, in one transaction; one it holds is left
 * alone (a version never changes). A file with problems is skipped with every problem in the log. Runs after the
 * demo partnerships (100) and before the Section 11 demo data, which needs the templates.
 */
@Component
@Order(450)
class TemplateLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TemplateLoader.class);

    private final TemplateLibrary library;

    TemplateLoader(TemplateLibrary library) {
        this.library = library;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Resource[] files =
                new PathMatchingResourcePatternResolver().getResources("classpath*:section11/templates/*.yml");
        for (Resource file : files) {
            load(String.valueOf(file.getFilename()), file.getContentAsString(StandardCharsets.UTF_8));
        }
    }

    /** Loads one file's text if its version is new; returns whether it was added. */
    boolean load(String fileName, String text) {
        TemplateFiles.Parsed parsed = TemplateFiles.parse(text);
        if (!parsed.ok()) {
            log.error("Section 11 template file {} not loaded: {}", fileName, String.join("; ", parsed.problems()));
            return false;
        }
        TemplateFile file = parsed.file();
        boolean added = library.loadIfAbsent(file, "File " + fileName);
        if (added) {
            log.info("Section 11 template {} version {} loaded from {}", file.code(), file.version(), fileName);
        }
        return added;
    }
}
