package org.safeguardinghub.identity.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.RefusalLog;
import org.safeguardinghub.platform.web.PerAddressLimit;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits sign-in attempts per network address, so one address cannot try passwords against many accounts (too many
 * get a 429 page), then asks the {@link SignInGuard} whether this address may try this email address now (if not,
 * the sign-in page says why, the same for every email address, and the password is not checked).
 */
class SignInThrottle extends OncePerRequestFilter {

    private final PerAddressLimit attempts;
    private final SignInGuard guard;
    private final RefusalLog refusals;

    SignInThrottle(int perMinute, SignInGuard guard, RefusalLog refusals) {
        this.attempts = new PerAddressLimit(perMinute, Duration.ofMinutes(1));
        this.guard = guard;
        this.refusals = refusals;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && "/sign-in"
                        .equals(request.getRequestURI()
                                .substring(request.getContextPath().length())));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!attempts.tryAcquire(request.getRemoteAddr())) {
            response.setHeader("Retry-After", "60");
            response.sendError(429);
            return;
        }
        SignInGuard.Refusal refusal = guard.check(request, request.getParameter("username"));
        if (refusal == null) {
            chain.doFilter(request, response);
            return;
        }
        refusals.record(
                AuditAction.SIGN_IN_FAILED,
                "user",
                null,
                refusal == SignInGuard.Refusal.PAIR_BLOCKED
                        ? "Sign-in refused before the password was checked: too many failures from this address"
                        : "Sign-in refused before the password was checked: the email address is being slowed down");
        response.sendRedirect(refusal == SignInGuard.Refusal.PAIR_BLOCKED ? "/sign-in?wait" : "/sign-in?slow");
    }
}
