package org.safeguardinghub.casereviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.LocalDate;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.support.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * What the case review page tests share: the app behind MockMvc, the demo accounts' sign-in, the database for set-up
 * and checks, and the app's clock; a request sent as a signed-in account; the three boxes of a GOV.UK date; and a
 * signed-in notifier's new draft referral.
 */
public abstract class CaseReviewPages {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected Principals principals;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected Clock clock;

    /** The request sent as the demo account {@code who}, with a CSRF token. */
    protected MockHttpServletResponse as(String who, AbstractMockHttpServletRequestBuilder<?> request)
            throws Exception {
        return mvc.perform(request.with(SignedIn.as(principals, who)).with(csrf()))
                .andReturn()
                .getResponse();
    }

    /** The request with the date typed into the day, month and year boxes of {@code field}. */
    public static <B extends AbstractMockHttpServletRequestBuilder<B>> B dated(B request, String field, LocalDate on) {
        request.param(field + ".day", String.valueOf(on.getDayOfMonth()))
                .param(field + ".month", String.valueOf(on.getMonthValue()))
                .param(field + ".year", String.valueOf(on.getYear()));
        return request;
    }

    /** Starts a draft referral as the demo account; its id. */
    protected long startDraft(String account) throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/referrals/new")
                        .with(SignedIn.as(principals, account))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(302);
        return Long.parseLong(response.getRedirectedUrl().replace("/referrals/", ""));
    }

    /** The referral's version as stored. */
    protected int version(long id) {
        return jdbc.sql("select version from referral where id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
    }
}
