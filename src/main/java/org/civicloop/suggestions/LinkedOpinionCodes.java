package org.civicloop.suggestions;

import java.util.Collection;
import java.util.Map;

/**
 * The receipt codes of voters' opinions linked to a suggestion, so that a suggestion's page names
 * them as every other page does (not by internal id). Implemented by the opinions module, which
 * depends on this one; a missing implementation shows the ids.
 */
public interface LinkedOpinionCodes {

    /** Receipt code by opinion id; ids without an opinion are left out. */
    Map<Long, String> receiptCodes(Collection<Long> opinionIds);
}
