package org.civicloop.opinions.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code civicloop.opinions.routing.columns.*}: the history import's columns, each by any of its names
 * (the first is the one the page shows). The defaults are in {@code application.properties}.
 */
@ConfigurationProperties("civicloop.opinions.routing.columns")
public record RoutingColumns(List<String> text, List<String> place, List<String> date, List<String> category,
                             List<String> unit, List<String> outcome) {

    /** Column key to its names, in the order the page lists them. */
    public Map<String, List<String>> all() {
        Map<String, List<String>> all = new LinkedHashMap<>();
        all.put("text", text);
        all.put("place", place);
        all.put("date", date);
        all.put("category", category);
        all.put("unit", unit);
        all.put("outcome", outcome);
        return all;
    }
}
