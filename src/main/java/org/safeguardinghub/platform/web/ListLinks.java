package org.safeguardinghub.platform.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Links of a filtered, paged list: the list's path with its chosen filters, to which the pager adds the page. */
public final class ListLinks {

    private ListLinks() {}

    /**
     * {@code path?name=value&...&} with every filter that has a value, URL-encoded; {@code params} alternate names
     * and values, and a null value is left out.
     */
    public static String base(String path, @Nullable Object... params) {
        StringBuilder sb = new StringBuilder(path).append('?');
        for (int i = 0; i + 1 < params.length; i += 2) {
            if (params[i + 1] != null) {
                sb.append(params[i])
                        .append('=')
                        .append(URLEncoder.encode(String.valueOf(params[i + 1]), StandardCharsets.UTF_8))
                        .append('&');
            }
        }
        return sb.toString();
    }
}
