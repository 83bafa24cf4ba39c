package org.safeguardinghub.learning.tracker;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The managed taxonomy of learning themes (catalogue V3): add, rename or describe, retire and restore. A theme is
 * never deleted, so everything tagged with it keeps its name; a retired theme is no longer offered on forms.
 */
@Service
public class ThemeAdministration {

    private static final String SELECT = """
            select t.id, t.name, t.description, t.active, t.version,
                   (select count(*) from recommendation_theme rt where rt.theme_id = t.id) as uses
            from learning_theme t
            """;

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    ThemeAdministration(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Every theme, active first, then by name. */
    public List<ThemeRecord> all() {
        return jdbc.sql(SELECT + " order by t.active desc, t.name")
                .query(ThemeRecord.class)
                .list();
    }

    public Optional<ThemeRecord> find(long id) {
        return jdbc.sql(SELECT + " where t.id = :id")
                .param("id", id)
                .query(ThemeRecord.class)
                .optional();
    }

    public boolean nameTaken(String name, @Nullable Long exceptId) {
        return jdbc.sql("""
                        select count(*) from learning_theme
                        where lower(name) = lower(:name) and id <> coalesce(cast(:except as bigint), -1)""")
                        .param("name", name.trim())
                        .param("except", exceptId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Transactional
    @PreAuthorize("hasAuthority('learning:manage')")
    public long add(String name, @Nullable String description) {
        long id = jdbc.sql("insert into learning_theme (name, description) values (:name, :description) returning id")
                .param("name", name.trim())
                .param("description", blankToNull(description))
                .query(Long.class)
                .single();
        audit.created("learning-theme", id, theme(id).auditValues());
        return id;
    }

    @Transactional
    @PreAuthorize("hasAuthority('learning:manage')")
    public void describe(long id, int version, String name, @Nullable String description) {
        ThemeRecord before = theme(id);
        int changed = jdbc.sql("""
                        update learning_theme set name = :name, description = :description, version = version + 1
                        where id = :id and version = :version""")
                .param("id", id)
                .param("version", version)
                .param("name", name.trim())
                .param("description", blankToNull(description))
                .update();
        if (changed != 1) {
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
        int changed = jdbc.sql("""
                        update learning_theme set active = :active, version = version + 1
                        where id = :id and version = :version""")
                .param("id", id)
                .param("version", version)
                .param("active", active)
                .update();
        if (changed != 1) {
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
