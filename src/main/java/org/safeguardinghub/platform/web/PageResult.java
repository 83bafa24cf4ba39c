package org.safeguardinghub.platform.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list a user sees. Lists are always paged, and paged in SQL. */
public record PageResult<T>(List<T> items, int page, int size, long total) {

    public static final int DEFAULT_SIZE = 25;

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < totalPages();
    }

    public long firstItem() {
        return total == 0 ? 0 : (long) (page - 1) * size + 1;
    }

    public long lastItem() {
        return Math.min(total, (long) page * size);
    }

    /**
     * SQL offset for a one-based page number: never negative and never overflowing, whatever page was asked for (a
     * page past the end is an empty page). {@link InputRules} already keeps {@code page} parameters in range.
     */
    public static int offset(int page, int size) {
        long offset = ((long) Math.max(page, 1) - 1) * Math.max(size, 0);
        return (int) Math.min(offset, Integer.MAX_VALUE);
    }

    public <R> PageResult<R> map(Function<T, R> f) {
        return new PageResult<>(items.stream().map(f).toList(), page, size, total);
    }
}
