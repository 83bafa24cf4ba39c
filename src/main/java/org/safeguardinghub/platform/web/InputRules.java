package org.safeguardinghub.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The one input rule at the edge, for every form post and query string (public and signed in alike):
 *
 * <ul>
 *   <li>Control characters other than tab and line breaks (the NUL byte above all, which PostgreSQL refuses in
 *       text) are removed from every parameter value, so what was typed is kept and saved; the next page says that
 *       characters were removed ({@link Notice}).
 *   <li>A {@code page} parameter that is not a page number (negative, zero, not a number, or so large that its
 *       offset would overflow) is read as the nearest page there can be: 1, or {@link #MAX_PAGE}.
 * </ul>
 *
 * <p>Uploaded files and JSON bodies are not parameters: their readers apply their own rules.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 110) // just inside the request log, outside Spring Security
public class InputRules extends OncePerRequestFilter {

    /** Request attribute: how many characters were removed from this request's parameters. */
    public static final String REMOVED = "hub.inputRemoved";

    /** The highest page number a list accepts; beyond it a list shows its (empty) last page. */
    public static final int MAX_PAGE = 100_000;

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]");
    private static final Pattern PAGE = Pattern.compile("[0-9]{1,9}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> original = request.getParameterMap();
        Map<String, String[]> cleaned = new LinkedHashMap<>();
        int removed = 0;
        boolean changed = false;
        for (Map.Entry<String, String[]> e : original.entrySet()) {
            String[] values = e.getValue().clone();
            for (int i = 0; i < values.length; i++) {
                String v = values[i];
                if (v != null && CONTROL.matcher(v).find()) {
                    String kept = CONTROL.matcher(v).replaceAll("");
                    removed += v.length() - kept.length();
                    values[i] = kept;
                    changed = true;
                }
                if ("page".equals(e.getKey())) {
                    String page = pageNumber(values[i]);
                    changed |= !page.equals(values[i]);
                    values[i] = page;
                }
            }
            String name = CONTROL.matcher(e.getKey()).replaceAll("");
            changed |= !name.equals(e.getKey());
            cleaned.put(name, values);
        }
        if (!changed) {
            chain.doFilter(request, response);
            return;
        }
        if (removed > 0) {
            request.setAttribute(REMOVED, removed);
        }
        chain.doFilter(new CleanedRequest(request, Collections.unmodifiableMap(cleaned)), response);
    }

    /** A page number as a list can use it: 1 for anything that is not a positive number, at most {@link #MAX_PAGE}. */
    static String pageNumber(@Nullable String value) {
        String v = value == null ? "" : value.strip();
        if (!PAGE.matcher(v).matches()) {
            return v.matches("[0-9]{10,}") ? String.valueOf(MAX_PAGE) : "1";
        }
        int page = Integer.parseInt(v);
        return String.valueOf(Math.max(1, Math.min(page, MAX_PAGE)));
    }

    private static final class CleanedRequest extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        CleanedRequest(HttpServletRequest request, Map<String, String[]> parameters) {
            super(request);
            this.parameters = parameters;
        }

        @Override
        public @Nullable String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String @Nullable [] getParameterValues(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values.clone();
        }
    }

    /**
     * Tells the person that characters were removed: on the page shown, or, after a redirect, on the next page (a
     * flash attribute, so the notice survives post-redirect-get).
     */
    @ControllerAdvice
    static class Notice {

        static final String MESSAGE = "Some invisible control characters in what you typed could not be stored and"
                + " were removed. Everything else was kept: check your text.";

        @ModelAttribute("inputNotice")
        @Nullable
        String inputNotice(HttpServletRequest request) {
            if (request.getAttribute(REMOVED) == null) {
                return null;
            }
            var flash = RequestContextUtils.getOutputFlashMap(request);
            flash.put("inputNotice", MESSAGE);
            return MESSAGE;
        }
    }
}
