package org.civicloop.shared.spreadsheet;

import java.util.List;

/** The header row's names, as read; the first occurrence of a repeated name wins. */
final class Header {

    private final List<String> names;

    Header(List<String> names) {
        this.names = List.copyOf(names);
    }

    List<String> names() {
        return names;
    }

    int indexOf(String name) {
        return names.indexOf(name);
    }

    int size() {
        return names.size();
    }
}
