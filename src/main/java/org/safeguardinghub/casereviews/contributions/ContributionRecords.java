package org.safeguardinghub.casereviews.contributions;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.casereviews.CaseVocabulary;
import org.safeguardinghub.casereviews.cases.CaseClocks;
import org.safeguardinghub.casereviews.cases.ClockView;
import org.safeguardinghub.documents.DocumentSummary;
import org.safeguardinghub.platform.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where the requests to agencies and their answers are kept. Every query names the partnership and the agency, so a
 * request addressed to another agency is never read here; {@link Contributions} decides who may ask and audits.
 */
@Repository
class ContributionRecords {

    private static final String SELECT = """
            select q.*, r.reference, pr.title
            from agency_request q
              left join referral r on r.id = q.referral_id
              left join practice_review pr on pr.id = q.practice_review_id
            where q.partnership_id = :p and q.agency_id = :agency""";

    private final JdbcClient jdbc;
    private final CaseClocks clocks = CaseClocks.england();

    ContributionRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The agency's requests: open ones first by due date, then answered ones, newest first. */
    PageResult<Contribution> list(long partnershipId, long agency, LocalDate today, int page, int size) {
        long total = jdbc.sql(
                        "select count(*) from agency_request q where q.partnership_id = :p and q.agency_id = :agency")
                .param("p", partnershipId)
                .param("agency", agency)
                .query(Long.class)
                .single();
        List<Contribution> rows = jdbc.sql(SELECT + "\n" + """
                         order by case when q.status = 'REQUESTED' then 0 else 1 end,
                                  case when q.status = 'REQUESTED' then q.due_on end nulls last,
                                  q.requested_on desc, q.id desc
                         limit :limit offset :offset""")
                .param("p", partnershipId)
                .param("agency", agency)
                .param("limit", size)
                .param("offset", PageResult.offset(page, size))
                .query((rs, n) -> row(rs, today, List.of()))
                .list();
        return new PageResult<>(rows, Math.max(page, 1), size, total);
    }

    /** One request addressed to the agency, with the documents already read for it. */
    Optional<Contribution> find(long partnershipId, long agency, long id, LocalDate today, List<DocumentSummary> docs) {
        return jdbc.sql(SELECT + " and q.id = :id")
                .param("p", partnershipId)
                .param("agency", agency)
                .param("id", id)
                .query((rs, n) -> row(rs, today, docs))
                .optional();
    }

    /** Saves the answer if nobody changed the request since {@code version}; false otherwise. */
    boolean saveAnswer(long partnershipId, Contribution after, long answeredBy, int version) {
        return jdbc.sql("""
                        update agency_request set status = 'ANSWERED', response = :response, answered_on = :on,
                               answered_by = :by, answered_by_name = :byName, version = version + 1
                        where id = :id and partnership_id = :p and agency_id = :agency and version = :v""")
                        .param("response", after.response())
                        .param("on", after.answeredOn())
                        .param("by", answeredBy)
                        .param("byName", after.answeredByName())
                        .param("id", after.id())
                        .param("p", partnershipId)
                        .param("agency", after.agencyId())
                        .param("v", version)
                        .update()
                == 1;
    }

    private Contribution row(ResultSet rs, LocalDate today, List<DocumentSummary> docs) throws SQLException {
        boolean review = rs.getObject("practice_review_id") != null;
        LocalDate requested = date(rs, "requested_on");
        LocalDate due = date(rs, "due_on");
        String status = rs.getString("status");
        ClockView clockView = due == null || "WITHDRAWN".equals(status)
                ? null
                : ClockView.of(clocks.agencyRequest(requested, due, date(rs, "answered_on")), today);
        return new Contribution(
                rs.getLong("id"),
                rs.getLong("partnership_id"),
                rs.getLong("agency_id"),
                review ? rs.getString("title") : rs.getString("reference"),
                review ? "Practice review" : "Case",
                CaseVocabulary.label(CaseVocabulary.REQUEST_KIND, rs.getString("kind")),
                rs.getString("question"),
                requested,
                due,
                rs.getString("requested_by_name"),
                status,
                rs.getString("response"),
                date(rs, "answered_on"),
                rs.getString("answered_by_name"),
                rs.getInt("version"),
                clockView,
                new ArrayList<>(docs));
    }

    private static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
