package org.safeguardinghub.learning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.safeguardinghub.learning.tracker.RecommendationRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A recommendation raised from a Hub record takes that record's title, which case reviews supply (learning does not
 * read their tables): a practice review's title, "Rapid review for referral" and the referral's reference, and
 * nothing for a record of another partnership or a kind no module keeps.
 */
@SpringBootTest
class RecommendationSourceTitleTests {

    @Autowired
    RecommendationRecords recommendations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReviewsTitleComesFromCaseReviewsWithinThePartnership() {
        long kent = id("select id from partnership where short_name = 'KSCMP'");
        long medway = id("select id from partnership where short_name = 'MSCP'");
        long childN = id("select id from practice_review where title = 'Child N' and partnership_id = " + kent);
        long rapid = id("select min(id) from rapid_review where partnership_id = " + kent);
        String reference = jdbc.sql(
                        "select r.reference from rapid_review rr join referral r on r.id = rr.referral_id where rr.id = :id")
                .param("id", rapid)
                .query(String.class)
                .single();

        assertThat(recommendations.sourceTitle(kent, RecommendationSource.PRACTICE_REVIEW, childN))
                .contains("Child N");
        assertThat(recommendations.sourceTitle(kent, RecommendationSource.RAPID_REVIEW, rapid))
                .contains("Rapid review for referral " + reference);
        assertThat(recommendations.sourceTitle(medway, RecommendationSource.PRACTICE_REVIEW, childN))
                .isEmpty();
        assertThat(recommendations.sourceTitle(kent, RecommendationSource.RAPID_REVIEW, childN + 1_000_000))
                .isEmpty();
        assertThat(recommendations.sourceTitle(kent, RecommendationSource.NATIONAL_REVIEW, childN))
                .isEmpty();
    }

    private long id(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
