package org.civicloop.shared.web;

import org.springframework.web.util.UriComponentsBuilder;

/** The address a list's pager appends {@code page=} to: the list's path with its non-empty filters. */
public final class PagingLinks {

    private PagingLinks() {
    }

    /** {@code namesAndValues}: parameter name, value, name, value…; null or empty values are left out. */
    public static String base(String path, String... namesAndValues) {
        var uri = UriComponentsBuilder.fromPath(path);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            if (value != null && !value.isEmpty()) {
                uri.queryParam(namesAndValues[i], value);
            }
        }
        return uri.build().toUriString();
    }
}
