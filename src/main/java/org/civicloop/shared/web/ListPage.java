package org.civicloop.shared.web;

import java.util.List;

/**
 * One page of a list already in memory, for {@code fragments/paging :: pager}: {@code page} counts from 0 and is
 * brought within the list (a page past the end shows the last one).
 */
public record ListPage<T>(List<T> items, int page, int size, long total) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public static <T> ListPage<T> of(List<T> all, int page, int size) {
        int pages = Math.max(1, (all.size() + size - 1) / size);
        int p = Math.min(Math.max(0, page), pages - 1);
        return new ListPage<>(all.subList(Math.min(all.size(), p * size), Math.min(all.size(), (p + 1) * size)), p, size,
                all.size());
    }
}
