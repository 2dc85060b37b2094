package org.civicloop.suggestions;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.civicloop.organization.CivicUser;

/**
 * The receipt codes of voters' opinions linked to a suggestion, so that a suggestion's page names
 * them as every other page does (not by internal id), and links only those the viewer may open.
 * Implemented by the opinions module, which depends on this one; a missing implementation shows the ids.
 */
public interface LinkedOpinionCodes {

    /** Receipt code by opinion id; ids without an opinion are left out. */
    Map<Long, String> receiptCodes(Collection<Long> opinionIds);

    /** Those of the opinions this user may open (their page would not answer 404). */
    Set<Long> openableBy(CivicUser user, Collection<Long> opinionIds);
}
