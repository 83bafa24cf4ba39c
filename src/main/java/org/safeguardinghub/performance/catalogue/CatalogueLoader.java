package org.safeguardinghub.performance.catalogue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.safeguardinghub.performance.catalogue.CatalogueAdministration.FileResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the catalogue files in the repository ({@code performance/catalogue/*.yml}) at start, in demo and in
 * production: a file whose partnership exists and whose {@code version} is newer than the one recorded in
 * {@code catalogue_file_load} is applied in one transaction (system scope, no signed-in user). A file with
 * problems is skipped with an error in the log.
 */
@Component
@Order(200)
class CatalogueLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogueLoader.class);

    private final CatalogueLoadRecords records;
    private final CatalogueAdministration administration;
    private final TransactionTemplate transactions;

    CatalogueLoader(
            CatalogueLoadRecords records, CatalogueAdministration administration, TransactionTemplate transactions) {
        this.records = records;
        this.administration = administration;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Resource[] files =
                new PathMatchingResourcePatternResolver().getResources("classpath*:performance/catalogue/*.yml");
        for (Resource file : files) {
            String text = file.getContentAsString(StandardCharsets.UTF_8);
            load(String.valueOf(file.getFilename()), text);
        }
    }

    /** Loads one file's text if it is newer than what its partnership has; returns whether it loaded. */
    boolean load(String fileName, String text) {
        CatalogueFiles.Parsed parsed = CatalogueFiles.parse(text, List.of());
        if (!parsed.ok()) {
            log.error("Catalogue file {} not loaded: {}", fileName, String.join("; ", parsed.problems()));
            return false;
        }
        CatalogueFile file = parsed.file();
        Optional<Long> partnership = records.partnershipNamed(file.partnership());
        if (partnership.isEmpty()) {
            log.debug("Catalogue file {}: no partnership {}", fileName, file.partnership());
            return false;
        }
        long partnershipId = partnership.get();
        Boolean loaded = transactions.execute(status -> {
            // lock the partnership's row so two instances starting together do not load the file twice
            records.lockPartnership(partnershipId);
            int current = records.loadedVersion(partnershipId, fileName);
            if (file.version() <= current) {
                return false;
            }
            FileResult result = administration.applyFile(partnershipId, file, "Catalogue file " + fileName);
            records.recordLoad(partnershipId, fileName, file.version());
            log.info(
                    "Catalogue file {} version {} loaded for {}: {}",
                    fileName,
                    file.version(),
                    file.partnership(),
                    result);
            return true;
        });
        return Boolean.TRUE.equals(loaded);
    }
}
