package org.safeguardinghub.performance.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every error on {@code /api/**} is answered as {@code application/problem+json} (RFC 9457), never as the HTML
 * error page: a body that is not JSON or not the JSON expected (400), a wrong content type (415), an unknown path
 * (404), a wrong method (405), and an unexpected failure (500, logged here, its details never sent). Spring's own
 * error handling ends in {@code sendError}, which this filter turns into the problem; a failure nothing handled is
 * caught here before it reaches the container.
 */
final class ApiProblemResponses extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemResponses.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ProblemResponse wrapped = new ProblemResponse(response);
        try {
            chain.doFilter(request, wrapped);
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            log.error("API request {} {} failed", request.getMethod(), request.getRequestURI(), e);
            response.resetBuffer();
            ApiSecurityConfiguration.problem(response, 500, title(500));
        }
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "The request could not be read: send a JSON body as the API description shows";
            case 401 -> "A valid API token is needed";
            case 403 -> "This token may not do that";
            case 404 -> "Not found";
            case 405 -> "This method is not allowed here";
            case 406 -> "The API answers only application/json";
            case 413 -> "The request is too large";
            case 415 -> "Send the request body as application/json";
            case 503 -> "The service is unavailable; try again later";
            default -> status >= 500 ? "Something went wrong on our side; try again later" : "The request failed";
        };
    }

    /** Turns {@code sendError} into a problem document written straight away. */
    private static final class ProblemResponse extends HttpServletResponseWrapper {

        ProblemResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, @Nullable String message) throws IOException {
            if (isCommitted()) {
                super.sendError(status, message);
                return;
            }
            resetBuffer();
            ApiSecurityConfiguration.problem((HttpServletResponse) getResponse(), status, title(status));
        }
    }
}
