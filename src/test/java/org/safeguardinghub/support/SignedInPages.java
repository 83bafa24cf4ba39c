package org.safeguardinghub.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.safeguardinghub.identity.signin.Principals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * What the page tests that sign in as demo accounts share: the application's MockMvc, the principals a sign-in
 * would produce, the database for checking what a page stored, and the few steps every such test takes (send a
 * request as someone, read a page that must answer 200, read the id a create redirected to). A test class extends
 * it and keeps its own {@code @SpringBootTest} and {@code @AutoConfigureMockMvc}.
 */
public abstract class SignedInPages {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected Principals principals;

    @Autowired
    protected JdbcClient jdbc;

    /** Sends the request as the demo account {@code who}, with a CSRF token, and returns the response. */
    protected MockHttpServletResponse as(String who, AbstractMockHttpServletRequestBuilder<?> request)
            throws Exception {
        return mvc.perform(request.with(SignedIn.as(principals, who)).with(csrf()))
                .andReturn()
                .getResponse();
    }

    /** The page at {@code path} as {@code who} sees it, which must answer 200, read as UTF-8. */
    protected String page(String who, String path) throws Exception {
        MockHttpServletResponse response = as(who, get(path));
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        response.setCharacterEncoding("UTF-8");
        return response.getContentAsString();
    }

    /** The id at the end of the address a successful create redirected to. */
    protected static long created(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(302);
        return Long.parseLong(response.getRedirectedUrl().replaceAll("\\D+", ""));
    }

    /** The id of the demo agency called {@code name}. */
    protected long agency(String name) {
        return jdbc.sql("select id from agency where name = :n")
                .param("n", name)
                .query(Long.class)
                .single();
    }
}
