package org.safeguardinghub.identity.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.RefusalLog;
import org.safeguardinghub.platform.web.LoggablePath;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Inside Spring Security's chain, so the signed-in person is known: a request answered 403 (not allowed) or 404 (no
 * such page or record) goes in the audit trail, rate-limited per address by {@link RefusalLog}. Missing static
 * files are left out; a path with a secret in it (a one-time link) is recorded as its route.
 */
class RefusalAudit extends OncePerRequestFilter {

    private final RefusalLog refusals;

    RefusalAudit(RefusalLog refusals) {
        this.refusals = refusals;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/assets/")
                || path.startsWith("/webjars/")
                || path.equals("/favicon.ico")
                || path.startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        int status = response.getStatus();
        if (status == 403 || status == 404) {
            try {
                refusals.record(
                        AuditAction.REQUEST_REFUSED,
                        "request",
                        null,
                        (status == 403 ? "403 not allowed: " : "404 not found: ") + request.getMethod() + " "
                                + LoggablePath.of(request.getRequestURI()));
            } catch (RuntimeException e) {
                // the refusal stands whether or not it could be recorded (the database may be what is failing)
                logger.warn("A refusal could not be recorded in the audit trail", e);
            }
        }
    }
}
