package org.safeguardinghub.casereviews.reviews;

import java.util.Optional;
import org.safeguardinghub.learning.RecommendationSource;
import org.safeguardinghub.learning.RecommendationSourceTitles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The titles learning shows for recommendations from case reviews: a practice review's title, or "Rapid review for
 * referral" and the referral's reference.
 */
@Component
class ReviewTitleRecords implements RecommendationSourceTitles {

    private final JdbcClient jdbc;

    ReviewTitleRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> title(long partnershipId, RecommendationSource source, long sourceId) {
        String sql = switch (source) {
            case PRACTICE_REVIEW -> "select title from practice_review where id = :id and partnership_id = :p";
            case RAPID_REVIEW ->
                "select 'Rapid review for referral ' || f.reference from rapid_review rr"
                        + " join referral f on f.id = rr.referral_id"
                        + " where rr.id = :id and rr.partnership_id = :p";
            default -> null;
        };
        if (sql == null) {
            return Optional.empty();
        }
        return jdbc.sql(sql)
                .param("id", sourceId)
                .param("p", partnershipId)
                .query(String.class)
                .optional();
    }
}
