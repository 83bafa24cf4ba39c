package org.safeguardinghub.section11.templates;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.section11.TemplateVariant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The library of Section 11 template versions: the files in the repository, imports from other partnerships or
 * tools, and exports. A version is never changed once written; importing a changed file of an existing code adds
 * the next version, and importing one the library already holds adds nothing.
 */
@Service
public class TemplateLibrary {

    private final TemplateLibraryRecords records;
    private final TemplateReader reader;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    TemplateLibrary(
            TemplateLibraryRecords records, TemplateReader reader, AuditTrail audit, TransactionTemplate transactions) {
        this.records = records;
        this.reader = reader;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** One row of the library page. */
    public record Summary(
            long id,
            String code,
            int version,
            String name,
            TemplateVariant variant,
            String source,
            OffsetDateTime createdAt,
            String createdByName,
            int standards,
            int questions,
            List<CycleUse> usedBy) {}

    public record CycleUse(long cycleId, String name, int returns) {}

    public enum Outcome {
        /** A new template, or a new version of an existing one. */
        ADDED,
        /** The library already holds a version with exactly this content. */
        ALREADY_HELD,
        /** The file has problems; nothing was written. */
        REJECTED
    }

    public record ImportResult(Outcome outcome, @Nullable Long templateId, int version, List<String> problems) {}

    /** Every version, newest first within each code. */
    public List<Summary> summaries() {
        // only the cycles of the person's own partnership: other partnerships' cycles are theirs
        long partnershipId = Actors.current().map(Actor::partnershipId).orElse(-1L);
        return records.summaries(records.cycleUses(partnershipId));
    }

    /**
     * The template a newly expected agency of this variant answers by default: the newest version of the variant's
     * standard template (a code the repository's files define, including later imported versions of it), or failing
     * that the newest template of the variant. One-off templates never become the default by being recent.
     */
    public Optional<Long> defaultFor(TemplateVariant variant) {
        return records.defaultFor(variant);
    }

    /** The version as a file, for download. */
    public Optional<String> export(long templateId) {
        return reader.find(templateId).map(t -> TemplateFiles.write(TemplateFile.of(t)));
    }

    /**
     * Imports a file uploaded by the signed-in person: all or nothing. A new code keeps the file's version; an
     * existing code gets the next version unless one already held has the same content.
     */
    public ImportResult importFile(String fileName, String text) {
        TemplateFiles.Parsed parsed = TemplateFiles.parse(text);
        if (!parsed.ok()) {
            return new ImportResult(Outcome.REJECTED, null, 0, parsed.problems());
        }
        TemplateFile file = parsed.file();
        String by = Actors.current().map(a -> a.displayName()).orElse("System");
        ImportResult result = transactions.execute(status -> {
            records.lock(file.code());
            List<Long> held = records.versionsOf(file.code());
            for (long id : held) {
                TemplateStructure existing = reader.get(id);
                if (TemplateFile.of(existing).sameContentAs(file)) {
                    return new ImportResult(Outcome.ALREADY_HELD, id, existing.version(), List.of());
                }
            }
            int version = held.isEmpty() ? file.version() : records.nextVersion(file.code());
            TemplateFile stored = file.withVersion(version);
            long id = records.insert(stored, "Imported from " + fileName, by);
            audit.created("s11-template", id, auditValues(stored, fileName));
            return new ImportResult(Outcome.ADDED, id, version, List.of());
        });
        return result;
    }

    /** For the files in the repository: adds the file's (code, version) if absent; returns whether it did. */
    boolean loadIfAbsent(TemplateFile file, String source) {
        Boolean added = transactions.execute(status -> {
            records.lock(file.code());
            boolean exists = records.holds(file.code(), file.version());
            if (exists) {
                return false;
            }
            records.insert(file, source, "System");
            return true;
        });
        return Boolean.TRUE.equals(added);
    }

    private static Map<String, Object> auditValues(TemplateFile file, String fileName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", file.code());
        m.put("version", file.version());
        m.put("name", file.name());
        m.put("variant", file.variant().name());
        m.put("standards", file.standardCount());
        m.put("file", fileName);
        return m;
    }
}
