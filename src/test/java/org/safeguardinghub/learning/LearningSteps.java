package org.safeguardinghub.learning;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import org.safeguardinghub.support.DemoAccounts;
import org.safeguardinghub.support.SignedInPages;

/**
 * The steps the learning tracker's page tests take to set up their own records through the pages, as the business
 * team would (a recommendation from a national review, an action for an agency), and the action's stored state they
 * check afterwards.
 */
abstract class LearningSteps extends SignedInPages {

    /** A new recommendation from a national review, titled {@code title}, tagged with {@code themes}. */
    long recommendation(String title, long... themes) throws Exception {
        var request = post("/learning/recommendations/new")
                .param("source", "NATIONAL_REVIEW")
                .param("sourceTitle", title)
                .param("text", "Agencies should " + title);
        for (long theme : themes) {
            request.param("themeIds", String.valueOf(theme));
        }
        return created(as(DemoAccounts.BUSINESS, request));
    }

    /** A new action on {@code recommendation} for {@code agency}, due on {@code due}. */
    long action(long recommendation, long agency, String text, LocalDate due) throws Exception {
        return created(as(
                DemoAccounts.BUSINESS,
                post("/learning/recommendations/" + recommendation + "/actions/new")
                        .param("text", text)
                        .param("ownerAgencyId", String.valueOf(agency))
                        .param("ownerPerson", "Head of training")
                        .param("dueOn.day", String.valueOf(due.getDayOfMonth()))
                        .param("dueOn.month", String.valueOf(due.getMonthValue()))
                        .param("dueOn.year", String.valueOf(due.getYear()))));
    }

    String status(long action) {
        return actionColumn("status", action, String.class);
    }

    int version(long action) {
        return actionColumn("version", action, Integer.class);
    }

    String reference(long action) {
        return actionColumn("reference", action, String.class);
    }

    private <T> T actionColumn(String column, long action, Class<T> type) {
        return jdbc.sql("select " + column + " from learning_action where id = :id")
                .param("id", action)
                .query(type)
                .single();
    }
}
