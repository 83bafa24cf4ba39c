package org.safeguardinghub.platform.web;

import org.jspecify.annotations.Nullable;

/** Links of a filtered, paged list: the list's path with its chosen filters, to which the pager adds the page. */
public final class ListLinks {

    private ListLinks() {}

    /**
     * {@code path?name=value&...&} with every filter that has a value, URL-encoded; {@code params} alternate names
     * and values, and a null value is left out. The pairs are written by {@link Forms#query}, the one query-string
     * builder of the platform. (organisation's {@code web.FormPages.base} repeats this method and can call it instead.)
     */
    public static String base(String path, @Nullable Object... params) {
        return path + '?' + Forms.query(params);
    }
}
