package org.safeguardinghub.identity.signin;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.identity.HubUser;
import org.safeguardinghub.identity.users.UserRecords;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in through an organisation's identity provider (e.g. a council's or NHS trust's Microsoft Entra tenant).
 *
 * <p>The provider proves who the person is; the Hub decides what they may do. The verified email must belong to an
 * active (or invited) Hub account; the session then carries the same {@link HubUser} as a password sign-in, so
 * roles and agency scope are identical whichever way someone signs in.
 */
class OidcSignIn implements AuthenticationSuccessHandler {

    /** Not a valid bcrypt hash, so no typed password can ever match it. */
    static final String OIDC_ONLY = "{bcrypt}!oidc-only";

    private final Principals principals;
    private final UserRecords users;
    private final AuditTrail audit;
    private final SecurityContextRepository contexts;
    private final TransactionTemplate transaction;
    private final boolean trustUnverifiedEmail;

    OidcSignIn(
            Principals principals,
            UserRecords users,
            AuditTrail audit,
            SecurityContextRepository contexts,
            TransactionTemplate transaction,
            boolean trustUnverifiedEmail) {
        this.transaction = transaction;
        this.trustUnverifiedEmail = trustUnverifiedEmail;
        this.principals = principals;
        this.users = users;
        this.audit = audit;
        this.contexts = contexts;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws IOException, ServletException {
        OidcUser oidc = (OidcUser) auth.getPrincipal();
        String email = oidc.getEmail() == null ? "" : oidc.getEmail().toLowerCase(Locale.ROOT);
        // Only an email the provider vouches for identifies a Hub account. Providers that never send
        // email_verified (some Entra set-ups) need HUB_OIDC_TRUST_UNVERIFIED_EMAIL=true, a deliberate choice.
        boolean verified = Boolean.TRUE.equals(oidc.getEmailVerified()) || trustUnverifiedEmail;
        var credentials = users.credentials(email).filter(c -> verified && !"DEACTIVATED".equals(c.status()));
        if (credentials.isEmpty()) {
            SecurityContextHolder.clearContext();
            request.getSession().invalidate();
            response.sendRedirect("/sign-in?noaccount");
            return;
        }
        // activation, sign-in record and audit rows commit together
        HubUser user = transaction.execute(tx -> {
            if ("INVITED".equals(credentials.get().status())) {
                users.setPassword(credentials.get().id(), OIDC_ONLY); // activates the invited account
                audit.eventBy(
                        credentials.get().id(),
                        credentials.get().displayName(),
                        AuditAction.PASSWORD_CHANGED,
                        "user",
                        credentials.get().id(),
                        "Invitation accepted by signing in with OIDC");
            }
            HubUser signedIn = principals.forEmail(email, null).orElseThrow().withoutPassword();
            users.recordSuccessfulSignIn(signedIn.userId());
            audit.eventBy(
                    signedIn.userId(),
                    signedIn.displayName(),
                    AuditAction.SIGN_IN,
                    "user",
                    signedIn.userId(),
                    "Signed in with OIDC");
            return signedIn;
        });
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        response.sendRedirect("/");
    }
}
