package org.safeguardinghub.learning.tracker;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The managed taxonomy of learning themes (catalogue V3): add, rename or describe, retire and restore. A theme is
 * never deleted, so everything tagged with it keeps its name; a retired theme is no longer offered on forms.
 */
@Service
public class ThemeAdministration {

    private final ThemeRecords records;
    private final AuditTrail audit;

    ThemeAdministration(ThemeRecords records, AuditTrail audit) {
        this.records = records;
        this.audit = audit;
    }

    /** Every theme, active first, then by name. */
    public List<ThemeRecord> all() {
        return records.all();
    }

    public Optional<ThemeRecord> find(long id) {
        return records.find(id);
    }

    public boolean nameTaken(String name, @Nullable Long exceptId) {
        return records.nameTaken(name.trim(), exceptId);
    }

    @Transactional
    @PreAuthorize("hasAuthority('learning:manage')")
    public long add(String name, @Nullable String description) {
        long id = records.insert(name.trim(), blankToNull(description));
        audit.created("learning-theme", id, theme(id).auditValues());
        return id;
    }

    @Transactional
    @PreAuthorize("hasAuthority('learning:manage')")
    public void describe(long id, int version, String name, @Nullable String description) {
        ThemeRecord before = theme(id);
        if (!records.describe(id, version, name.trim(), blankToNull(description))) {
            throw new ConcurrentEditException("This theme");
        }
        audit.changed(
                AuditAction.UPDATE,
                "learning-theme",
                id,
                before.auditValues(),
                theme(id).auditValues());
    }

    /** Retires a theme (no longer offered) or restores it. */
    @Transactional
    @PreAuthorize("hasAuthority('learning:manage')")
    public void setActive(long id, int version, boolean active) {
        theme(id);
        if (!records.setActive(id, version, active)) {
            throw new ConcurrentEditException("This theme");
        }
        audit.event(
                active ? AuditAction.RESTORE : AuditAction.ARCHIVE,
                "learning-theme",
                id,
                active ? "Restored" : "Retired");
    }

    private ThemeRecord theme(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("Theme"));
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
