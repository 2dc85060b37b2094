package org.civicloop.deputies;

import java.util.List;

/**
 * The roster as a list, for forms that pick deputies (a liaison site's resident deputies). Kept
 * apart from {@link Deputies}, which answers about one deputy at a time.
 */
public interface DeputyRoster {

    /** Serving deputies, by region then name. A district has a few hundred. */
    List<DeputySummary> active();
}
