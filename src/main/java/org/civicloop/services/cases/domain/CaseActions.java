package org.civicloop.services.cases.domain;

import java.util.Map;

/**
 * What one viewer may do to one application now, and to each of its parts (by code): the page shows
 * these actions and no others. {@link CasePermissions#actionsFor} computes it from the same checks
 * the service makes before a move.
 *
 * @param check         accept, ask once for what is missing, or refuse (the window, a new application)
 * @param correct       send the corrections asked for (the applicant, or the window for a window application)
 * @param issue         issue all results at once (the window, every part decided)
 * @param rate          rate the completed application, once
 * @param seeApplicant  see the applicant's name and phone
 */
public record CaseActions(boolean check, boolean correct, boolean issue, boolean rate, boolean seeApplicant,
                          Map<String, PartActions> parts) {

    public CaseActions {
        parts = Map.copyOf(parts);
    }

    public PartActions part(String code) {
        return parts.getOrDefault(code, PartActions.NONE);
    }

    /** What the viewer may do to one department part: approve, return for correction, reject. */
    public record PartActions(boolean approve, boolean returnForCorrection, boolean reject) {
        public static final PartActions NONE = new PartActions(false, false, false);

        public boolean any() {
            return approve || returnForCorrection || reject;
        }
    }
}
