package org.safeguardinghub.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ForwardedHeaderFilter;

/**
 * Behind a reverse proxy ({@code HUB_FORWARD_HEADERS=framework}), Spring's own filter would believe any
 * {@code X-Forwarded-For} a client sends, and take its first (client-written) address: the sign-in throttle, the
 * public forms' limits and the audit trail's source address could then be anything. This replaces it with one that
 * believes forwarded headers only from the proxies in {@code HUB_TRUSTED_PROXIES} (addresses or CIDR ranges; by
 * default loopback and the private ranges), and takes the client as the first address, counting from the right, that
 * is not a trusted proxy (as Tomcat's RemoteIpValve does). From anyone else the headers are ignored. The RFC 7239
 * {@code Forwarded} header is not read: proxies send {@code X-Forwarded-For} and {@code X-Forwarded-Proto}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "server.forward-headers-strategy", havingValue = "framework")
class TrustedProxies {

    /** Replaces Spring Boot's own registration (it backs off when one is defined), in the same place. */
    @Bean
    FilterRegistrationBean<ForwardedHeaderFilter> forwardedHeaderFilter(
            @Value("${hub.security.trusted-proxies}") String proxies) {
        FilterRegistrationBean<ForwardedHeaderFilter> registration =
                new FilterRegistrationBean<>(new TrustedForwardedHeaderFilter(Ranges.parse(proxies)));
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    static final class TrustedForwardedHeaderFilter extends ForwardedHeaderFilter {

        private final Ranges trusted;

        TrustedForwardedHeaderFilter(Ranges trusted) {
            this.trusted = trusted;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String peer = request.getRemoteAddr();
            if (!trusted.contains(peer)) {
                super.doFilterInternal(new Headers(request, null, true), response, chain);
                return;
            }
            List<String> hops = new ArrayList<>();
            for (Enumeration<String> values = request.getHeaders("X-Forwarded-For"); values.hasMoreElements(); ) {
                for (String hop : values.nextElement().split(",")) {
                    hops.add(hop.strip());
                }
            }
            String client = peer;
            for (int i = hops.size() - 1; i >= 0; i--) {
                String hop = hops.get(i);
                if (Ranges.address(hop) == null) {
                    break; // not an address: nothing further left can be believed
                }
                client = hop;
                if (!trusted.contains(hop)) {
                    break;
                }
            }
            super.doFilterInternal(new Headers(request, client, false), response, chain);
        }
    }

    /** The request as the forwarded-header filter should see it: no forwarded headers, or one believed address. */
    private static final class Headers extends HttpServletRequestWrapper {

        private final @Nullable String client;
        private final boolean dropAll;

        Headers(HttpServletRequest request, @Nullable String client, boolean dropAll) {
            super(request);
            this.client = client;
            this.dropAll = dropAll;
        }

        private boolean hidden(String name) {
            String n = name.toLowerCase(Locale.ROOT);
            return n.equals("forwarded") || (dropAll && n.startsWith("x-forwarded-"));
        }

        @Override
        public @Nullable String getHeader(String name) {
            if (!dropAll && "x-forwarded-for".equalsIgnoreCase(name)) {
                return client;
            }
            return hidden(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (!dropAll && "x-forwarded-for".equalsIgnoreCase(name)) {
                return client == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(client));
            }
            return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new ArrayList<>();
            for (Enumeration<String> e = super.getHeaderNames(); e.hasMoreElements(); ) {
                String name = e.nextElement();
                if (!hidden(name)) {
                    names.add(name);
                }
            }
            return Collections.enumeration(names);
        }
    }

    /** Address ranges in CIDR notation (or single addresses), IPv4 and IPv6, matched without any DNS lookup. */
    record Ranges(List<byte[]> networks, List<Integer> prefixes) {

        private static final Pattern LITERAL =
                Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

        static Ranges parse(String list) {
            List<byte[]> networks = new ArrayList<>();
            List<Integer> prefixes = new ArrayList<>();
            for (String item : list.split("[,\\s]+")) {
                if (item.isBlank()) {
                    continue;
                }
                String[] parts = item.strip().split("/", 2);
                InetAddress network = address(parts[0]);
                if (network == null) {
                    throw new IllegalArgumentException("HUB_TRUSTED_PROXIES: not an address or range: " + item);
                }
                byte[] bytes = network.getAddress();
                networks.add(bytes);
                prefixes.add(parts.length == 2 ? Integer.parseInt(parts[1]) : bytes.length * 8);
            }
            return new Ranges(networks, prefixes);
        }

        /** The address when the text is an IP address literal (never a name to look up), else null. */
        static @Nullable InetAddress address(@Nullable String text) {
            if (text == null || !LITERAL.matcher(text).matches()) {
                return null;
            }
            try {
                return InetAddress.getByName(text);
            } catch (UnknownHostException e) {
                return null;
            }
        }

        boolean contains(@Nullable String text) {
            InetAddress address = address(text);
            if (address == null) {
                return false;
            }
            byte[] bytes = address.getAddress();
            for (int i = 0; i < networks.size(); i++) {
                if (matches(networks.get(i), prefixes.get(i), bytes)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean matches(byte[] network, int prefix, byte[] address) {
            if (network.length != address.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (network[i] != address[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (network[whole] & mask) == (address[whole] & mask);
        }
    }
}
