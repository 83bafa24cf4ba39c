package org.safeguardinghub.identity.signin;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.identity.HubUser;
import org.safeguardinghub.identity.users.Users;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens after a sign-in attempt: failures are counted and lock the account for a while after too many
 * (guessing passwords becomes slow); successes reset the count; both go in the audit trail.
 */
@Component
public class SignInEvents extends SavedRequestAwareAuthenticationSuccessHandler
        implements AuthenticationFailureHandler {

    private final Users users;
    private final AuditTrail audit;
    private final int maxFailures;
    private final Duration lockout;

    SignInEvents(
            Users users,
            AuditTrail audit,
            @Value("${hub.security.max-failed-sign-ins}") int maxFailures,
            @Value("${hub.security.lockout}") Duration lockout) {
        this.users = users;
        this.audit = audit;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        setDefaultTargetUrl("/");
    }

    @Override
    @Transactional
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws ServletException, IOException {
        if (auth.getPrincipal() instanceof HubUser user) {
            users.recordSuccessfulSignIn(user.userId());
            audit.eventBy(user.userId(), user.displayName(), AuditAction.SIGN_IN, "user", user.userId(), "Signed in");
        }
        super.onAuthenticationSuccess(request, response, auth);
    }

    @Override
    @Transactional
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        String email = String.valueOf(request.getParameter("username")).trim();
        String outcome = "error";
        var account = users.credentials(email);
        if (account.isPresent()) {
            var c = account.get();
            if (e instanceof LockedException) {
                outcome = "locked";
            } else {
                users.clearExpiredLock(c.id());
                boolean lockedNow = users.recordFailedSignIn(c.id(), maxFailures, lockout);
                audit.eventBy(c.id(), c.displayName(), AuditAction.SIGN_IN_FAILED, "user", c.id(), "Wrong password");
                if (lockedNow) {
                    audit.eventBy(
                            c.id(),
                            c.displayName(),
                            AuditAction.ACCOUNT_LOCKED,
                            "user",
                            c.id(),
                            "Locked for " + lockout.toMinutes() + " minutes after " + maxFailures + " failed sign-ins");
                    outcome = "locked";
                }
            }
        }
        response.sendRedirect("/sign-in?" + outcome);
    }
}
