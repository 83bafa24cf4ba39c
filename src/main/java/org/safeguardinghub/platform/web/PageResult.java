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

    /** SQL offset for a one-based page number. */
    public static int offset(int page, int size) {
        return (Math.max(page, 1) - 1) * size;
    }

    public <R> PageResult<R> map(Function<T, R> f) {
        return new PageResult<>(items.stream().map(f).toList(), page, size, total);
    }
}
