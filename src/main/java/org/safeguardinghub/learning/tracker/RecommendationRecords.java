package org.safeguardinghub.learning.tracker;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.learning.LearningTheme;
import org.safeguardinghub.learning.RecommendationSource;
import org.safeguardinghub.learning.RecommendationSourceTitles;
import org.safeguardinghub.platform.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Recommendations and their themes. An agency-scoped reader sees only the recommendations that have at least one
 * action owned by their agency, and of those only their agency's action counts.
 */
@Repository
public class RecommendationRecords {

    private static final String VISIBLE = """
             where r.partnership_id = :p
               and (cast(:scopeAgency as bigint) is null or exists (
                        select 1 from learning_action x
                        where x.recommendation_id = r.id and x.owner_agency_id = :scopeAgency))
            """;

    private final JdbcClient jdbc;
    private final List<RecommendationSourceTitles> sourceTitles;

    RecommendationRecords(JdbcClient jdbc, List<RecommendationSourceTitles> sourceTitles) {
        this.jdbc = jdbc;
        this.sourceTitles = sourceTitles;
    }

    public Optional<RecommendationDetail> find(Scope scope, long id) {
        return jdbc.sql("""
                        select r.id, r.reference, r.source_type, r.source_id, r.source_title, r.text,
                               r.owning_group_id, g.name as group_name, r.agreed_on, r.considered_on,
                               r.created_by_name, r.version
                        from recommendation r
                        left join partnership_group_view g on g.id = r.owning_group_id
                        """ + VISIBLE + " and r.id = :id")
                .param("p", scope.partnershipId())
                .param("scopeAgency", scope.agencyId())
                .param("id", id)
                .query((rs, n) -> {
                    long sourceId = rs.getLong("source_id");
                    Long source = rs.wasNull() ? null : sourceId;
                    long groupId = rs.getLong("owning_group_id");
                    Long group = rs.wasNull() ? null : groupId;
                    return new RecommendationDetail(
                            rs.getLong("id"),
                            rs.getString("reference"),
                            RecommendationSource.valueOf(rs.getString("source_type")),
                            source,
                            rs.getString("source_title"),
                            rs.getString("text"),
                            group,
                            rs.getString("group_name"),
                            ActionRecords.date(rs, "agreed_on"),
                            ActionRecords.date(rs, "considered_on"),
                            rs.getString("created_by_name"),
                            rs.getInt("version"),
                            List.of());
                })
                .optional()
                .map(r -> withThemes(r, themesOf(List.of(r.id())).getOrDefault(r.id(), List.of())));
    }

    /** Recommendations matching a text (reference, text or source title), newest reference first, one page. */
    public PageResult<RecommendationRow> search(Scope scope, @Nullable String text, int page, int size) {
        String where = VISIBLE + """
                   and (cast(:like as text) is null or r.reference ilike :like or r.text ilike :like
                        or r.source_title ilike :like)
                """;
        String like = ActionRecords.like(text);
        long total = jdbc.sql("select count(*) from recommendation r" + where)
                .param("p", scope.partnershipId())
                .param("scopeAgency", scope.agencyId())
                .param("like", like)
                .query(Long.class)
                .single();
        List<Object[]> rows = jdbc.sql("""
                        select r.id, r.reference, r.source_type, r.source_title, r.text,
                               count(a.id) as actions,
                               count(a.id) filter (where a.status = 'SIGNED_OFF') as signed_off
                        from recommendation r
                        left join learning_action a on a.recommendation_id = r.id
                              and (cast(:scopeAgency as bigint) is null or a.owner_agency_id = :scopeAgency)
                        """ + where + """
                         group by r.id order by r.reference desc limit :limit offset :offset""")
                .param("p", scope.partnershipId())
                .param("scopeAgency", scope.agencyId())
                .param("like", like)
                .param("limit", size)
                .param("offset", PageResult.offset(page, size))
                .query((rs, n) -> new Object[] {
                    rs.getLong("id"),
                    rs.getString("reference"),
                    rs.getString("source_type"),
                    rs.getString("source_title"),
                    rs.getString("text"),
                    rs.getLong("actions"),
                    rs.getLong("signed_off")
                })
                .list();
        Map<Long, List<LearningTheme>> themes =
                themesOf(rows.stream().map(r -> (Long) r[0]).toList());
        List<RecommendationRow> items = rows.stream()
                .map(r -> new RecommendationRow(
                        (Long) r[0],
                        (String) r[1],
                        RecommendationSource.valueOf((String) r[2]),
                        (String) r[3],
                        (String) r[4],
                        themes.getOrDefault((Long) r[0], List.of()).stream()
                                .map(LearningTheme::name)
                                .toList(),
                        (Long) r[5],
                        (Long) r[6]))
                .toList();
        return new PageResult<>(items, Math.max(page, 1), size, total);
    }

    /** The themes of several recommendations in one query, by recommendation id. */
    Map<Long, List<LearningTheme>> themesOf(Collection<Long> ids) {
        Map<Long, List<LearningTheme>> byRec = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return byRec;
        }
        jdbc.sql("""
                        select rt.recommendation_id, t.id, t.name, t.description, t.active
                        from recommendation_theme rt join learning_theme t on t.id = rt.theme_id
                        where rt.recommendation_id in (:ids) order by t.name""")
                .param("ids", ids)
                .query((rs, n) -> byRec.computeIfAbsent(rs.getLong("recommendation_id"), k -> new ArrayList<>())
                        .add(new LearningTheme(
                                rs.getLong("id"),
                                rs.getString("name"),
                                rs.getString("description"),
                                rs.getBoolean("active"))))
                .list();
        return byRec;
    }

    /**
     * The title of a Hub record a recommendation can come from, if it exists in the partnership, as the module that
     * keeps such records names it (case reviews: a practice review's title, or the referral reference of a rapid
     * review).
     */
    public Optional<String> sourceTitle(long partnershipId, RecommendationSource source, long sourceId) {
        return sourceTitles.stream()
                .map(titles -> titles.title(partnershipId, source, sourceId))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** The first recommendation raised from a source record in a partnership, if any. */
    Optional<Long> firstFromSource(long partnershipId, RecommendationSource source, long sourceId) {
        return jdbc.sql("""
                        select id from recommendation
                        where partnership_id = :p and source_type = :type and source_id = :id
                        order by id limit 1""")
                .param("p", partnershipId)
                .param("type", source.name())
                .param("id", sourceId)
                .query(Long.class)
                .optional();
    }

    long insert(
            long partnershipId,
            String reference,
            RecommendationSource source,
            @Nullable Long sourceId,
            String sourceTitle,
            String text,
            @Nullable Long groupId,
            @Nullable LocalDate agreedOn,
            @Nullable LocalDate consideredOn,
            String createdBy) {
        return jdbc.sql("""
                        insert into recommendation (partnership_id, reference, source_type, source_id, source_title,
                                                    text, owning_group_id, agreed_on, considered_on, created_by_name)
                        values (:p, :ref, :type, :sourceId, :title, :text, :group, :agreed, :considered, :by)
                        returning id""")
                .param("p", partnershipId)
                .param("ref", reference)
                .param("type", source.name())
                .param("sourceId", sourceId)
                .param("title", sourceTitle)
                .param("text", text)
                .param("group", groupId)
                .param("agreed", agreedOn)
                .param("considered", consideredOn)
                .param("by", createdBy)
                .query(Long.class)
                .single();
    }

    boolean update(
            long partnershipId,
            long id,
            int version,
            String sourceTitle,
            String text,
            @Nullable Long groupId,
            @Nullable LocalDate agreedOn,
            @Nullable LocalDate consideredOn) {
        return jdbc.sql("""
                        update recommendation set source_title = :title, text = :text, owning_group_id = :group,
                               agreed_on = :agreed, considered_on = :considered, version = version + 1
                        where id = :id and partnership_id = :p and version = :version""")
                        .param("p", partnershipId)
                        .param("id", id)
                        .param("version", version)
                        .param("title", sourceTitle)
                        .param("text", text)
                        .param("group", groupId)
                        .param("agreed", agreedOn)
                        .param("considered", consideredOn)
                        .update()
                == 1;
    }

    void replaceThemes(long recommendationId, Collection<Long> themeIds) {
        jdbc.sql("delete from recommendation_theme where recommendation_id = :id")
                .param("id", recommendationId)
                .update();
        for (Long theme : themeIds) {
            jdbc.sql("insert into recommendation_theme (recommendation_id, theme_id) values (:id, :theme)")
                    .param("id", recommendationId)
                    .param("theme", theme)
                    .update();
        }
    }

    /**
     * The next reference of a kind in a partnership and year, like {@code R-2026-014}: one more than the highest so
     * far. A transaction-scoped advisory lock per partnership and kind makes concurrent creations wait for each
     * other, so two people cannot be given the same number.
     */
    String nextReference(long partnershipId, String prefix, int year) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:key), cast(:p as int))")
                .param("key", "learning-reference-" + prefix)
                .param("p", partnershipId)
                .query((rs, n) -> 1)
                .list();
        String table = prefix.equals("R") ? "recommendation" : "learning_action";
        String start = prefix + "-" + year + "-";
        int last = jdbc.sql("select coalesce(max(cast(substring(reference from :pattern) as int)), 0) from " + table
                        + " where partnership_id = :p and reference like :start")
                .param("pattern", "^" + prefix + "-" + year + "-([0-9]{1,9})$")
                .param("p", partnershipId)
                .param("start", start + "%")
                .query(Integer.class)
                .single();
        return String.format("%s%03d", start, last + 1);
    }

    private static RecommendationDetail withThemes(RecommendationDetail r, List<LearningTheme> themes) {
        return new RecommendationDetail(
                r.id(),
                r.reference(),
                r.source(),
                r.sourceId(),
                r.sourceTitle(),
                r.text(),
                r.owningGroupId(),
                r.owningGroupName(),
                r.agreedOn(),
                r.consideredOn(),
                r.createdByName(),
                r.version(),
                themes);
    }
}
