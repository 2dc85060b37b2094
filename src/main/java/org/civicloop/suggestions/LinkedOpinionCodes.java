package org.civicloop.suggestions;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civicloop.organization.CivicUser;

/**
 * The receipt codes of voters' opinions linked to a suggestion, so that a suggestion's page names
 * them as every other page does (not by internal id), and links only those the viewer may open; and
 * the other way, the opinions a deputy names by receipt code on the draft form (deputies never see
 * internal ids). Implemented by the opinions module, which depends on this one.
 */
public interface LinkedOpinionCodes {

    /** Receipt code by opinion id; ids without an opinion are left out. */
    Map<Long, String> receiptCodes(Collection<Long> opinionIds);

    /** Those of the opinions this user may open (their page would not answer 404). */
    Set<Long> openableBy(CivicUser user, Collection<Long> opinionIds);

    /**
     * The opinions these typed receipt codes name, in the order typed, for suggestion
     * {@code suggestionId} ({@code null}: one not saved yet) to take up. Refused with an
     * {@link org.civicloop.shared.InvalidInput} naming every code that names no opinion, or one the
     * suggestion cannot take up, each with its one reason (field {@code opinions}); the opinions
     * module checks the same rule again when the suggestion is saved.
     */
    List<Long> opinionsToTakeUp(List<String> typedCodes, Long suggestionId);

    /** What a new suggestion starts from when a deputy takes up this opinion: empty unless the user may open it. */
    Optional<DraftSource> draftSource(long opinionId, CivicUser user);

    /** The opinion's receipt code, its text and its category code (the opinions module's dictionary). */
    record DraftSource(String receiptCode, String content, String category) {
    }
}
