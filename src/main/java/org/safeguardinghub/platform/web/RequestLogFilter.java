package org.safeguardinghub.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.safeguardinghub.platform.database.ScopedDataSource;
import org.safeguardinghub.platform.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One structured log line per request: request id, user id, method, path, status and duration.
 *
 * <p>No personal data: the user is logged by numeric id, never name or email; the query string is left out because
 * search boxes put names in it. An incoming {@code X-Request-Id} from a proxy is reused when it looks safe.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100) // inside Spring Session's filter, outside Spring Security's
class RequestLogFilter extends OncePerRequestFilter {

    static final String REQUEST_ID = "hub.requestId";

    private static final Logger log = LoggerFactory.getLogger("hub.request");
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9-]{8,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String incoming = request.getHeader("X-Request-Id");
        String requestId = incoming != null && SAFE_ID.matcher(incoming).matches()
                ? incoming
                : UUID.randomUUID().toString();
        long started = System.nanoTime();
        MDC.put("requestId", requestId);
        request.setAttribute(REQUEST_ID, requestId); // the error page runs after this filter has finished
        response.setHeader("X-Request-Id", requestId);
        boolean asset = request.getRequestURI().startsWith("/assets/");
        if (!asset) {
            loadSession(request);
        }
        Throwable failure = null;
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            long millis = (System.nanoTime() - started) / 1_000_000;
            // an exception still on its way to the error page has not set the status yet: log the one it will get
            int status = failure == null || response.isCommitted()
                    ? response.getStatus()
                    : HubErrorController.statusFor(failure);
            if (!asset) {
                log.info(
                        "request_id={} user_id={} method={} path={} status={} duration_ms={}",
                        requestId,
                        userId(request),
                        request.getMethod(),
                        loggablePath(request.getRequestURI()),
                        status,
                        millis);
            }
            if (failure == null) {
                MDC.remove("requestId");
            }
            // else the id stays for the lines logged about this failure after the filter has returned (Tomcat's
            // report of the exception, then the error page, which removes it); the next request replaces it anyway
        }
    }

    /**
     * Loads the signed-in session once, up front, with system scope. Otherwise the first database connection of the
     * request (the session's own) would look up the user for its scope, which loads the session again from inside
     * the first load: two reads of the session per request (issue 6, scripts/load-test.sh). The session is cached in
     * the request, so Spring Security's later lookup needs no query.
     */
    private static void loadSession(HttpServletRequest request) {
        try {
            ScopedDataSource.withoutActor(() -> request.getSession(false));
        } catch (RuntimeException e) {
            // the session store is failing (database outage): Spring Security's own lookup fails again, as before
        }
    }

    /** One-time and survey links carry a secret in the path; the log keeps the route, never the token. */
    static String loggablePath(String path) {
        return LoggablePath.of(path);
    }

    private static String userId(HttpServletRequest request) {
        try {
            HttpSession session = request.getSession(false);
            if (session != null
                    && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                            instanceof SecurityContext ctx
                    && ctx.getAuthentication() != null
                    && ctx.getAuthentication().getPrincipal() instanceof Actor actor) {
                return String.valueOf(actor.userId());
            }
        } catch (RuntimeException e) {
            // the session store may be the thing that is failing (database outage): log the request anyway
        }
        return "-";
    }
}
