package org.safeguardinghub.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Behind a proxy, the address the sign-in throttle, the public forms' limits and the audit trail see: a client's
 * own X-Forwarded-For is believed only when it came through a trusted proxy, and then only the hop the proxy added.
 * Before, Spring's filter took the first address of any X-Forwarded-For from anyone.
 */
class TrustedProxiesTests {

    final TrustedProxies.TrustedForwardedHeaderFilter filter = new TrustedProxies.TrustedForwardedHeaderFilter(
            TrustedProxies.Ranges.parse("127.0.0.0/8, ::1/128, 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16"));

    String seenAddress(String peer, String... forwardedFor) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/sign-in");
        request.setRemoteAddr(peer);
        for (String value : forwardedFor) {
            request.addHeader("X-Forwarded-For", value);
        }
        request.addHeader("X-Forwarded-Host", "evil.example");
        AtomicReference<String> seen = new AtomicReference<>();
        AtomicReference<String> host = new AtomicReference<>();
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            seen.set(req.getRemoteAddr());
            host.set(req.getServerName());
        });
        if (!TrustedProxies.Ranges.parse("127.0.0.0/8, 10.0.0.0/8").contains(peer)) {
            assertThat(host.get()).as("a client's own X-Forwarded-Host").isNotEqualTo("evil.example");
        }
        return seen.get();
    }

    @Test
    void aClientReachingTheHubDirectlyCannotChooseItsAddress() throws Exception {
        assertThat(seenAddress("203.0.113.7", "198.51.100.1")).isEqualTo("203.0.113.7");
        assertThat(seenAddress("203.0.113.7", "10.0.0.1, 198.51.100.1")).isEqualTo("203.0.113.7");
    }

    @Test
    void throughATrustedProxyTheClientIsTheHopTheProxyAdded() throws Exception {
        // a proxy that appends: the client wrote the first entry, the proxy the last
        assertThat(seenAddress("10.0.0.5", "1.2.3.4, 203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(seenAddress("10.0.0.5", "1.2.3.4", "203.0.113.9")).isEqualTo("203.0.113.9");
        // two proxies of our own in a row
        assertThat(seenAddress("127.0.0.1", "made-up, 203.0.113.9, 10.1.1.1")).isEqualTo("203.0.113.9");
        // a proxy that sets it
        assertThat(seenAddress("127.0.0.1", "203.0.113.9")).isEqualTo("203.0.113.9");
        // nothing forwarded: the proxy itself
        assertThat(seenAddress("127.0.0.1")).isEqualTo("127.0.0.1");
    }

    @Test
    void somethingThatIsNotAnAddressIsNeverLookedUpOrBelieved() throws Exception {
        assertThat(seenAddress("10.0.0.5", "203.0.113.9, attacker.example")).isEqualTo("10.0.0.5");
        assertThat(TrustedProxies.Ranges.address("localhost")).isNull();
        assertThat(TrustedProxies.Ranges.address("abc")).isNull();
        assertThat(TrustedProxies.Ranges.parse("::1/128").contains("0:0:0:0:0:0:0:1"))
                .isTrue();
        assertThat(TrustedProxies.Ranges.parse("172.16.0.0/12").contains("172.31.255.1"))
                .isTrue();
        assertThat(TrustedProxies.Ranges.parse("172.16.0.0/12").contains("172.32.0.1"))
                .isFalse();
    }
}
