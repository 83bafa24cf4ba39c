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
import org.safeguardinghub.identity.users.Users;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
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
 * Deny by default: every route is listed with the permission it needs, and anything not listed is refused. Form
 * sign-in, optional OIDC, CSRF on every state-changing request (htmx sends the token as a header), and strict
 * headers: a Content-Security-Policy with no inline script, no framing, no MIME sniffing, a same-origin referrer.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** Everyone who reads something of Section 11: its own return, an assigned return, or the published analysis. */
    static final String[] SECTION11_READERS = {
        "section11:respond", "section11:moderate", "section11:manage", "reports:view"
    };

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self';"
            + " object-src 'none'";

    @Bean
    SecurityFilterChain hubSecurity(
            HttpSecurity http,
            SignInEvents signInEvents,
            Principals principals,
            Users users,
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
                .authorizeHttpRequests(a -> a.requestMatchers(
                                "/assets/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/sign-in",
                                "/invitation/**",
                                "/error",
                                "/accessibility",
                                "/privacy",
                                "/actuator/health",
                                "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/", "/tasks/**")
                        .hasAuthority("home:view")
                        .requestMatchers("/account", "/account/**")
                        .authenticated()
                        // directory: everyone signed in with a role may read; changes need organisation:manage
                        .requestMatchers(
                                HttpMethod.GET,
                                "/agencies/*/edit",
                                "/agencies/new",
                                "/groups/*/edit",
                                "/groups/new",
                                "/groups/*/members/new",
                                "/groups/*/members/*/edit",
                                "/groups/*/members/*/leave",
                                "/districts/*/edit",
                                "/districts/new",
                                "/areas/*/edit",
                                "/areas/new",
                                "/agencies/import")
                        .hasAuthority("organisation:manage")
                        .requestMatchers(
                                HttpMethod.GET,
                                "/agencies",
                                "/agencies/**",
                                "/groups",
                                "/groups/**",
                                "/districts",
                                "/districts/**")
                        .hasAuthority("directory:view")
                        .requestMatchers(HttpMethod.GET, "/partnerships/new", "/partnerships/*/edit")
                        .hasAuthority("partnerships:manage")
                        .requestMatchers(HttpMethod.GET, "/partnerships", "/partnerships/*")
                        .hasAuthority("organisation:manage")
                        // adding, renaming or archiving a whole partnership is for administrators only
                        .requestMatchers("/partnerships/**")
                        .hasAuthority("partnerships:manage")
                        .requestMatchers("/agencies/**", "/groups/**", "/districts/**", "/areas/**")
                        .hasAuthority("organisation:manage")
                        .requestMatchers(HttpMethod.GET, "/people/invite")
                        .hasAuthority("users:manage")
                        .requestMatchers(HttpMethod.GET, "/people", "/people/*")
                        .hasAuthority("users:view")
                        .requestMatchers("/people/**")
                        .hasAuthority("users:manage")
                        .requestMatchers("/bank-holidays")
                        .hasAuthority("calendar:manage")
                        .requestMatchers("/imports", "/imports/**")
                        .hasAuthority("imports:run")
                        .requestMatchers("/audit", "/audit/**")
                        .hasAuthority("audit:view")
                        // serious incident referrals: the public form writes but never reads; signed-in notifiers
                        // keep drafts (their own only, checked in the query)
                        .requestMatchers("/notify", "/notify/confirmation")
                        .permitAll()
                        .requestMatchers("/referrals", "/referrals/**")
                        .hasAuthority("referrals:create")
                        // case detail is sensitive: business team and panel members read, the business team acts
                        .requestMatchers(
                                HttpMethod.GET, "/reviews/new", "/reviews/*/edit", "/cases/*/edit", "/cases/settings")
                        .hasAuthority("cases:manage")
                        .requestMatchers(HttpMethod.GET, "/cases", "/cases/**", "/reviews", "/reviews/**")
                        .hasAuthority("cases:view")
                        .requestMatchers("/cases/**", "/reviews/**")
                        .hasAuthority("cases:manage")
                        // requests addressed to an agency, answered by that agency's lead
                        .requestMatchers("/contributions", "/contributions/**")
                        .hasAuthority("contributions:answer")
                        // learning tracker: progress by the owning agency, sign-off by the group, the rest by the
                        // business team
                        .requestMatchers(HttpMethod.POST, "/learning/actions/*/update", "/learning/actions/*/evidence")
                        .hasAuthority("actions:update")
                        .requestMatchers(HttpMethod.POST, "/learning/actions/*/sign-off")
                        .hasAuthority("actions:sign-off")
                        // evidence files may hold case detail: the owning agency (its own actions only, checked in
                        // the query), the business team, and the panel members who sign the action off; not
                        // everyone who reads the tracker (the scrutineer sees that evidence exists, not the files)
                        .requestMatchers(HttpMethod.GET, "/learning/actions/*/evidence/*")
                        .hasAnyAuthority("actions:update", "actions:sign-off", "learning:manage")
                        .requestMatchers(
                                HttpMethod.GET,
                                "/learning/recommendations/new",
                                "/learning/recommendations/*/edit",
                                "/learning/recommendations/*/actions/new",
                                "/learning/actions/*/edit",
                                "/learning/themes/new",
                                "/learning/themes/*/edit")
                        .hasAuthority("learning:manage")
                        .requestMatchers(HttpMethod.GET, "/learning", "/learning/**")
                        .hasAuthority("learning:view")
                        .requestMatchers("/learning/**")
                        .hasAuthority("learning:manage")
                        .requestMatchers(HttpMethod.GET, "/dashboards", "/dashboards/**")
                        .hasAuthority("reports:view")
                        // multi-agency dataset: agencies submit their own returns, the business team reviews them
                        // and keeps the catalogue; dashboards are for those who read reports
                        .requestMatchers(HttpMethod.POST, "/returns/*/send-back", "/returns/*/accept")
                        .hasAuthority("returns:review")
                        .requestMatchers("/returns", "/returns/**", "/performance/extracts", "/performance/extracts/**")
                        .hasAuthority("returns:submit")
                        .requestMatchers(
                                HttpMethod.GET,
                                "/performance/catalogue/new-item",
                                "/performance/catalogue/new-indicator",
                                "/performance/catalogue/items/*/edit",
                                "/performance/catalogue/indicators/*/edit",
                                "/performance/catalogue/import")
                        .hasAuthority("catalogue:manage")
                        .requestMatchers(HttpMethod.GET, "/performance/catalogue", "/performance/catalogue/**")
                        .hasAnyAuthority("reports:view", "returns:submit", "catalogue:manage")
                        .requestMatchers("/performance/catalogue/**")
                        .hasAuthority("catalogue:manage")
                        .requestMatchers(HttpMethod.GET, "/performance", "/performance/**")
                        .hasAuthority("reports:view")
                        .requestMatchers(
                                HttpMethod.POST,
                                "/performance/indicators/*/commentary",
                                "/performance/early-warning/**")
                        .hasAuthority("returns:review")
                        // Section 11: agencies answer their own returns, panel members moderate the returns they
                        // are assigned, the business team runs the cycle; the services check which return is whose.
                        // The staff survey is answered without signing in.
                        .requestMatchers("/survey/**")
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.GET, "/section11/cycles/*/analysis", "/section11/cycles/*/analysis/**")
                        .hasAnyAuthority(SECTION11_READERS)
                        .requestMatchers("/section11/cycles", "/section11/cycles/**", "/section11/templates/import")
                        .hasAuthority("section11:manage")
                        .requestMatchers(HttpMethod.POST, "/section11/templates/**")
                        .hasAuthority("section11:manage")
                        .requestMatchers(
                                HttpMethod.POST,
                                "/section11/returns/*/moderation",
                                "/section11/returns/*/moderation/**")
                        .hasAnyAuthority("section11:moderate", "section11:manage")
                        .requestMatchers(HttpMethod.POST, "/section11/returns/**")
                        .hasAuthority("section11:respond")
                        .requestMatchers(HttpMethod.GET, "/section11", "/section11/**")
                        .hasAnyAuthority(SECTION11_READERS)
                        .anyRequest()
                        .denyAll())
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
