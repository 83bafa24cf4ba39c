package org.safeguardinghub.identity.oidc;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A minimal browser over real HTTP: redirects are followed by hand (so each hop can be checked) and cookies are
 * kept per host, not per port, as a real browser keeps them. Two applications on {@code 127.0.0.1} therefore
 * share one cookie jar, exactly the situation a session cookie name collision would break.
 */
public final class Browser {

    private static final int MAX_REDIRECTS = 20;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final Map<String, Map<String, String>> cookiesByHost = new LinkedHashMap<>();
    private final List<URI> visited = new ArrayList<>();

    /** One response, and the address it came from. */
    public record Page(URI uri, int status, String body, HttpResponse<String> response) {

        public URI location() {
            return response.headers()
                    .firstValue("Location")
                    .map(uri::resolve)
                    .orElseThrow(() -> new AssertionError("No Location header in " + status + " from " + uri));
        }

        public boolean isRedirect() {
            return status >= 300
                    && status < 400
                    && response.headers().firstValue("Location").isPresent();
        }
    }

    /** A single GET; a redirect is returned, not followed. */
    public Page get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    /** A GET, then every redirect after it; returns the final page. */
    public Page navigate(URI uri) {
        return follow(get(uri));
    }

    /** A form POST (application/x-www-form-urlencoded); a redirect is returned, not followed. */
    public Page post(URI uri, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Follows redirects from {@code page} until a page that is not a redirect. */
    public Page follow(Page page) {
        Page current = page;
        for (int i = 0; current.isRedirect(); i++) {
            if (i == MAX_REDIRECTS) {
                throw new AssertionError("Too many redirects; visited " + visited);
            }
            current = get(current.location());
        }
        return current;
    }

    /** Every address requested so far, in order. */
    public List<URI> visited() {
        return List.copyOf(visited);
    }

    /** The cookies this browser holds for {@code host}, by name. */
    public Map<String, String> cookies(String host) {
        return Map.copyOf(cookiesByHost.getOrDefault(host, Map.of()));
    }

    private Page send(HttpRequest.Builder request) {
        request.timeout(Duration.ofSeconds(30)).header("Accept", "text/html,application/xhtml+xml");
        HttpRequest built = request.build();
        String cookie = cookiesByHost.getOrDefault(built.uri().getHost(), Map.of()).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
        if (!cookie.isEmpty()) {
            built = HttpRequest.newBuilder(built, (name, value) -> true)
                    .header("Cookie", cookie)
                    .build();
        }
        visited.add(built.uri());
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            keepCookies(built.uri(), response);
            return new Page(built.uri(), response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new AssertionError("Request to " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    private void keepCookies(URI uri, HttpResponse<String> response) {
        Map<String, String> jar = cookiesByHost.computeIfAbsent(uri.getHost(), h -> new LinkedHashMap<>());
        for (String header : response.headers().allValues("Set-Cookie")) {
            String[] parts = header.split(";");
            int eq = parts[0].indexOf('=');
            String name = parts[0].substring(0, eq).trim();
            String value = parts[0].substring(eq + 1).trim();
            boolean expired = false;
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].trim().toLowerCase(Locale.ROOT);
                if (attribute.equals("max-age=0") || attribute.startsWith("expires=thu, 01 jan 1970")) {
                    expired = true;
                }
            }
            if (expired || value.isEmpty()) {
                jar.remove(name);
            } else {
                jar.put(name, value);
            }
        }
    }

    /** The value of the hidden input named {@code name} in an HTML form, such as a CSRF token. */
    public static String hiddenInput(String html, String name) {
        Matcher input = Pattern.compile("<input[^>]*\\bname=\"" + Pattern.quote(name) + "\"[^>]*>")
                .matcher(html);
        if (!input.find()) {
            throw new AssertionError("No input named " + name + " in:\n" + html);
        }
        Matcher value = Pattern.compile("\\bvalue=\"([^\"]*)\"").matcher(input.group());
        if (!value.find()) {
            throw new AssertionError("Input " + name + " has no value: " + input.group());
        }
        return value.group(1);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
