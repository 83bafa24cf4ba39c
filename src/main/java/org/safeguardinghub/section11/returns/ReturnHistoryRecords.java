package org.safeguardinghub.section11.returns;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL behind a return's history: which answers, moderated scores and challenges the return has, with the standard
 * each is about, so that {@link ReturnHistory} can find their audit entries and name what they were about.
 */
@Repository
class ReturnHistoryRecords {

    /** An answer, moderated score or challenge of the return; {@code partnershipId} is 0 for an answer. */
    record Subject(long id, long standardId, long partnershipId) {}

    private final JdbcClient jdbc;

    ReturnHistoryRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The return's answers: id and standard. */
    List<Subject> responses(long returnId) {
        return jdbc.sql("select id, standard_id from s11_response where return_id = :r")
                .param("r", returnId)
                .query((rs, n) -> new Subject(rs.getLong(1), rs.getLong(2), 0))
                .list();
    }

    /** The return's moderated scores: no id of their own, keyed by partnership and standard. */
    List<Subject> moderatedScores(long returnId) {
        return jdbc.sql("select partnership_id, standard_id from s11_moderated_score where return_id = :r")
                .param("r", returnId)
                .query((rs, n) -> new Subject(0, rs.getLong(2), rs.getLong(1)))
                .list();
    }

    /** The return's challenges: id, standard and the partnership that asked. */
    List<Subject> challenges(long returnId) {
        return jdbc.sql("select id, standard_id, partnership_id from s11_challenge where return_id = :r")
                .param("r", returnId)
                .query((rs, n) -> new Subject(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }
}
