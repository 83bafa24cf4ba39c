package org.safeguardinghub.casereviews.cases;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Plain SQL set-up of received referrals for the case tests (the referral form is another page's job). */
public final class CaseFixtures {

    private CaseFixtures() {}

    public static long kent(JdbcClient jdbc) {
        return jdbc.sql("select id from partnership where short_name = 'KSCMP'")
                .query(Long.class)
                .single();
    }

    public static long agency(JdbcClient jdbc, String name) {
        return jdbc.sql("select id from agency where name = :n order by id limit 1")
                .param("n", name)
                .query(Long.class)
                .single();
    }

    public static String reference() {
        return "TST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }

    /** A received referral with one child and Kent Police involved; submitted now (for the dashboards' counts). */
    public static long receivedReferral(
            JdbcClient jdbc, long partnership, String reference, @Nullable LocalDate aware) {
        long id = jdbc.sql("""
                        insert into referral (partnership_id, reference, status, source, incident_date, la_aware_date,
                                              harm, abuse_or_neglect, incident_summary, notifier_name, rationale,
                                              submitted_at)
                        values (:p, :ref, 'RECEIVED', 'PUBLIC', :aware, :aware, 'SERIOUSLY_HARMED', 'SUSPECTED',
                                'Infant with unexplained bruising', 'Nia Notifier', 'Meets the criteria', now())
                        returning id""")
                .param("p", partnership)
                .param("ref", reference)
                .param("aware", aware)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into referral_child (referral_id, position, age_years, age_band, gender, ethnicity,
                                                    statutory_status)
                        values (:r, 1, 0, 'UNDER_1', '2', 'WBRI', 'CHILD_IN_NEED')""").param("r", id).update();
        jdbc.sql("""
                        insert into referral_agency (referral_id, agency_id)
                        select :r, id from agency where name = 'Kent Police' order by id limit 1""").param("r", id).update();
        return id;
    }
}
