package org.safeguardinghub.learning;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code recommendation} rows {@link Recommendations} shows other modules, with their actions counted. */
@Repository
class RecommendationSummaryRecords {

    private final JdbcClient jdbc;

    RecommendationSummaryRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RecommendationSummary> forSource(long partnershipId, RecommendationSource source, long sourceId) {
        return jdbc.sql("""
                        select r.id, r.reference, r.text,
                               (select count(*) from learning_action a where a.recommendation_id = r.id) as actions,
                               (select count(*) from learning_action a where a.recommendation_id = r.id
                                                                         and a.status = 'SIGNED_OFF') as signed_off
                        from recommendation r
                        where r.partnership_id = :p and r.source_type = :type and r.source_id = :id
                        order by r.reference""")
                .param("p", partnershipId)
                .param("type", source.name())
                .param("id", sourceId)
                .query((rs, n) -> new RecommendationSummary(
                        rs.getLong("id"),
                        rs.getString("reference"),
                        rs.getString("text"),
                        rs.getInt("actions"),
                        rs.getInt("signed_off")))
                .list();
    }
}
