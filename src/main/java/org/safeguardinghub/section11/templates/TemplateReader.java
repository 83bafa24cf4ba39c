package org.safeguardinghub.section11.templates;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Reads template versions for the rest of the module. A version is immutable once written, so each is read from
 * the database once per process and kept.
 */
@Service
public class TemplateReader {

    private final TemplateRecords records;
    private final Map<Long, TemplateStructure> cache = new ConcurrentHashMap<>();

    TemplateReader(TemplateRecords records) {
        this.records = records;
    }

    /** The template version with this id, if it exists. */
    public Optional<TemplateStructure> find(long templateId) {
        TemplateStructure cached = cache.get(templateId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<TemplateStructure> read = records.read(templateId);
        read.ifPresent(t -> cache.put(templateId, t));
        return read;
    }

    /** The template version with this id; it must exist (returns and cycles reference it). */
    public TemplateStructure get(long templateId) {
        return find(templateId).orElseThrow(() -> new IllegalStateException("No Section 11 template " + templateId));
    }

    /** The newest version of a template code, if any. */
    public Optional<TemplateStructure> latest(String code) {
        return records.latestId(code).flatMap(this::find);
    }
}
