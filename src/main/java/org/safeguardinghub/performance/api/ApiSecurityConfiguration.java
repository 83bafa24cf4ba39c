package org.safeguardinghub.performance.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.safeguardinghub.performance.PerformanceAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's own security chain, ahead of the browser chain: bearer tokens instead of sessions and cookies, so no
 * session and no CSRF token; the same security headers as the pages. A missing, unknown or revoked token is a 401
 * problem with {@code WWW-Authenticate: Bearer}. The OpenAPI description is public.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    /** The browser chain's Content-Security-Policy (identity.signin.SecurityConfiguration.CSP), by value. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self';"
            + " object-src 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens) throws Exception {
        http.securityMatcher("/api/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(r -> r.disable())
                .csrf(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .anonymous(a -> a.disable())
                .authorizeHttpRequests(a -> a.requestMatchers("/api/openapi", "/api/openapi/**", "/api/openapi.yaml")
                        .permitAll()
                        .requestMatchers("/api/v1/**")
                        .hasAuthority(PerformanceAccess.RETURNS_SUBMIT.authority())
                        .anyRequest()
                        .denyAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(
                                (request, response, ex) -> problem(response, 401, "A valid API token is needed"))
                        .accessDeniedHandler(
                                (request, response, ex) -> problem(response, 403, "This token may not do that")))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=(), payment=()")))
                .addFilterBefore(new ApiProblemResponses(), DisableEncodeUrlFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens), AuthorizationFilter.class);
        return http.build();
    }

    static void problem(HttpServletResponse response, int status, String title) throws IOException {
        response.setStatus(status);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"title\":\"" + title.replace("\"", "\\\"") + "\",\"status\":" + status + "}");
        response.flushBuffer();
    }

    /** Authorization: Bearer &lt;token&gt; becomes the token's {@link TokenActor}; a bad token stops the request. */
    static final class BearerTokenFilter extends OncePerRequestFilter {

        private final ApiTokens tokens;

        BearerTokenFilter(ApiTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                chain.doFilter(request, response);
                return;
            }
            var identity = tokens.authenticate(header.substring(7).trim());
            if (identity.isEmpty()) {
                problem(response, 401, "The API token is not valid or has been revoked");
                return;
            }
            TokenActor actor = new TokenActor(identity.get());
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    actor, null, List.of(new SimpleGrantedAuthority(PerformanceAccess.RETURNS_SUBMIT.authority()))));
            SecurityContextHolder.setContext(context);
            chain.doFilter(request, response);
        }
    }
}
