package org.safeguardinghub.identity.signin;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.audit.RefusalLog;
import org.safeguardinghub.identity.HubUser;
import org.safeguardinghub.identity.users.UserRecords;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens after a sign-in attempt: failures are counted by the {@link SignInGuard} (which slows guessing
 * without locking the owner out) and every attempt goes in the audit trail: against the account when there is one,
 * rate-limited by address when no account has the email address. Whatever the case, a failure gets the same answer,
 * so the sign-in page never tells which email addresses have accounts.
 */
@Component
public class SignInEvents extends SavedRequestAwareAuthenticationSuccessHandler
        implements AuthenticationFailureHandler {

    private final UserRecords users;
    private final AuditTrail audit;
    private final RefusalLog refusals;
    private final SignInGuard guard;
    private final int slowDownAfter;

    SignInEvents(
            UserRecords users,
            AuditTrail audit,
            RefusalLog refusals,
            SignInGuard guard,
            @Value("${hub.security.account-slow-down-after:20}") int slowDownAfter) {
        this.users = users;
        this.audit = audit;
        this.refusals = refusals;
        this.guard = guard;
        this.slowDownAfter = slowDownAfter;
        setDefaultTargetUrl("/");
    }

    @Override
    @Transactional
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws ServletException, IOException {
        if (auth.getPrincipal() instanceof HubUser user) {
            users.recordSuccessfulSignIn(user.userId());
            guard.succeeded(request, response, user.getUsername());
            audit.eventBy(user.userId(), user.displayName(), AuditAction.SIGN_IN, "user", user.userId(), "Signed in");
        }
        super.onAuthenticationSuccess(request, response, auth);
    }

    @Override
    @Transactional
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        String email = SignInGuard.normalise(request.getParameter("username"));
        boolean slowedNow = guard.failed(request, email);
        var account = users.credentials(email);
        if (account.isPresent()) {
            var c = account.get();
            audit.eventBy(c.id(), c.displayName(), AuditAction.SIGN_IN_FAILED, "user", c.id(), reason(e));
            if (slowedNow) {
                audit.eventBy(
                        c.id(),
                        c.displayName(),
                        AuditAction.ACCOUNT_LOCKED,
                        "user",
                        c.id(),
                        "Sign-ins slowed to one attempt at a time after " + slowDownAfter
                                + " failed sign-ins (browsers that signed in before are not slowed)");
            }
        } else {
            refusals.record(
                    AuditAction.SIGN_IN_FAILED, "user", null, "Sign-in failed: no account has the email address given");
        }
        response.sendRedirect("/sign-in?error");
    }

    private static String reason(AuthenticationException e) {
        if (e instanceof LockedException) {
            return "Account locked";
        }
        return e instanceof DisabledException ? "Account not active" : "Wrong password";
    }
}
