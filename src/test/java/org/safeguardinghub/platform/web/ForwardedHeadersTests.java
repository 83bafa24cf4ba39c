package org.safeguardinghub.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The Hub as the README runs it behind a proxy ({@code HUB_FORWARD_HEADERS=framework}), with one trusted proxy. The
 * penetration test sent 40 sign-ins from one address, each with a made-up X-Forwarded-For: none was refused and the
 * audit trail recorded the made-up address.
 */
@SpringBootTest(
        properties = {
            "server.forward-headers-strategy=framework",
            "hub.security.trusted-proxies=10.9.0.1/32",
            "hub.security.sign-in-attempts-per-minute-per-address=5"
        })
@AutoConfigureMockMvc
class ForwardedHeadersTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    MockHttpServletRequestBuilder signIn(String peer, String forwardedFor) {
        return post("/sign-in")
                .with(csrf())
                .with(r -> {
                    r.setRemoteAddr(peer);
                    return r;
                })
                .header("X-Forwarded-For", forwardedFor)
                .param("username", "nobody-" + UUID.randomUUID() + "@example.org")
                .param("password", "guess");
    }

    @Test
    void madeUpForwardedAddressesDoNotEscapeTheSignInThrottle() throws Exception {
        int refused = 0;
        for (int i = 1; i <= 40; i++) {
            int status = mvc.perform(signIn("203.0.113.77", "198.51.100." + i))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            refused += status == 429 ? 1 : 0;
        }
        // 5 attempts a minute per address here: most of the 40 are refused (a token comes back every 12 s)
        assertThat(refused).isGreaterThanOrEqualTo(20);
    }

    @Test
    void theAuditTrailRecordsTheAddressTheTrustedProxySaw() throws Exception {
        mvc.perform(signIn("10.9.0.1", "192.0.2.55, 198.51.100.200"));
        mvc.perform(signIn("203.0.113.78", "192.0.2.56"));
        assertThat(jdbc.sql("""
                        select source_address from audit_event
                        where source_address in ('192.0.2.55', '198.51.100.200', '192.0.2.56', '203.0.113.78')
                        order by id""").query(String.class).list()).containsExactly("198.51.100.200", "203.0.113.78");
    }
}
