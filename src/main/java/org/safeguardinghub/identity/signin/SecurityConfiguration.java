package org.safeguardinghub.identity.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.audit.RefusalLog;
import org.safeguardinghub.identity.HubUser;
import org.safeguardinghub.identity.users.UserRecords;
import org.safeguardinghub.platform.modules.Modules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deny by default: every route is listed with the permission it needs, by the module that owns it (its
 * {@code <Module>Access} declaration, composed here in {@link ModuleRoutes}), and anything not listed is refused. Form
 * sign-in, optional OIDC, CSRF on every state-changing request (htmx sends the token as a header), and strict
 * headers: a Content-Security-Policy with no inline script, no framing, no MIME sniffing, a same-origin referrer.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** Open to everyone, and no module's: assets, error and information pages, the health probe. */
    static final String[] PUBLIC = {
        "/assets/**",
        "/webjars/**",
        "/favicon.ico",
        "/error",
        "/accessibility",
        "/privacy",
        "/actuator/health",
        "/actuator/health/**"
    };

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self';"
            + " object-src 'none'";

    @Bean
    SecurityFilterChain hubSecurity(
            HttpSecurity http,
            SignInEvents signInEvents,
            Principals principals,
            UserRecords users,
            AuditTrail audit,
            RefusalLog refusals,
            SignInGuard guard,
            ObjectProvider<ClientRegistrationRepository> oidcClients,
            TransactionTemplate transaction,
            @Value("${hub.oidc.trust-unverified-email:false}") boolean trustUnverifiedEmail,
            @Value("${hub.security.sign-in-attempts-per-minute-per-address}") int attemptsPerMinute)
            throws Exception {
        SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        http.securityContext(c -> c.securityContextRepository(contexts))
                .authorizeHttpRequests(a -> {
                    a.requestMatchers(PUBLIC).permitAll();
                    ModuleRoutes.apply(a, Modules.access());
                    a.anyRequest().denyAll();
                })
                .formLogin(f -> f.loginPage("/sign-in")
                        .loginProcessingUrl("/sign-in")
                        .successHandler(signInEvents)
                        .failureHandler(signInEvents)
                        .permitAll())
                .logout(l -> l.logoutUrl("/sign-out")
                        .addLogoutHandler(signOutAudit(audit))
                        .logoutSuccessUrl("/sign-in?signedOut"))
                // on for every POST, PUT, PATCH and DELETE; the token lives in a cookie (double submit) rather than
                // the session, so anonymous pages such as sign-in do not create a session row per visit
                .csrf(c -> c.csrfTokenRepository(new CookieCsrfTokenRepository())
                        .csrfTokenRequestHandler(new TamperedTokenRefused()))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=(), payment=()")))
                .addFilterBefore(
                        new SignInThrottle(attemptsPerMinute, guard, refusals),
                        UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new RefusalAudit(refusals), SecurityContextHolderFilter.class)
                .addFilterAfter(new PasswordChangeGate(), AuthorizationFilter.class);
        ClientRegistrationRepository clients = oidcClients.getIfAvailable();
        if (clients != null) {
            http.oauth2Login(o -> o.loginPage("/sign-in")
                    .clientRegistrationRepository(clients)
                    .successHandler(
                            new OidcSignIn(principals, users, audit, contexts, transaction, trustUnverifiedEmail))
                    .failureUrl("/sign-in?error")
                    .permitAll());
        }
        return http.build();
    }

    /**
     * Spring's default (XOR, BREACH-safe) token handler, except that a token that has been tampered with (not valid
     * Base64, or of the wrong length) is read as no token: the request is refused with 403 like any other bad token,
     * instead of failing with a 500 and a stack trace in the log.
     */
    static final class TamperedTokenRefused implements CsrfTokenRequestHandler {

        private final XorCsrfTokenRequestAttributeHandler xor = new XorCsrfTokenRequestAttributeHandler();

        @Override
        public void handle(
                HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> deferredCsrfToken) {
            xor.handle(request, response, deferredCsrfToken);
        }

        @Override
        public @Nullable String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
            try {
                return xor.resolveCsrfTokenValue(request, csrfToken);
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    private static LogoutHandler signOutAudit(AuditTrail audit) {
        return (request, response, auth) -> {
            if (auth != null && auth.getPrincipal() instanceof HubUser user) {
                audit.eventBy(
                        user.userId(), user.displayName(), AuditAction.SIGN_OUT, "user", user.userId(), "Signed out");
            }
        };
    }

    /** bcrypt with cost 12; the {id} prefix lets a stronger algorithm be introduced later without a reset. */
    @Bean
    static PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(12)));
    }

    /** OIDC is switched on by setting HUB_OIDC_ISSUER_URI (plus client id and secret); nothing else to configure. */
    @Bean
    @ConditionalOnExpression("'${hub.oidc.issuer-uri:}' != ''")
    ClientRegistrationRepository oidcClientRegistrations(
            @Value("${hub.oidc.issuer-uri}") String issuer,
            @Value("${hub.oidc.client-id}") String clientId,
            @Value("${hub.oidc.client-secret}") String clientSecret,
            @Value("${hub.oidc.display-name}") String displayName) {
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(issuer)
                .registrationId("oidc")
                .clientId(clientId)
                .clientSecret(clientSecret)
                .clientName(displayName)
                .scope("openid", "email", "profile")
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }
}
