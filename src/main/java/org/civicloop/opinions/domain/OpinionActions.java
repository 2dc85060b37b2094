package org.civicloop.opinions.domain;

import java.util.Map;

/**
 * What one viewer may do to one opinion now, and to each of its work orders (by id): the staff page
 * shows these actions and no others. {@link OpinionPermissions#actionsFor} computes it from the same
 * role checks the service applies and the status rules the aggregates enforce.
 *
 * @param triage        accept, reject or merge a new opinion
 * @param unmerge       undo a merge
 * @param route         forward to a unit or answer directly
 * @param toSuggestion  open a new suggestion with this opinion linked (转为代表建议): a deputy it was
 *                      addressed to; the opinion changes only when that suggestion is saved
 * @param handlingOrder the viewer's unit's work order still in its hands, whose actions the unit's
 *                      card shows ({@code null}: none)
 */
public record OpinionActions(boolean triage, boolean unmerge, boolean route, boolean toSuggestion, Long handlingOrder,
                             Map<Long, WorkOrderActions> orders) {

    public OpinionActions {
        orders = Map.copyOf(orders);
    }

    /** What the viewer may do to work order {@code id}: nothing when the opinion has no such order. */
    public WorkOrderActions order(long id) {
        return orders.getOrDefault(id, WorkOrderActions.NONE);
    }

    /** What the viewer may do to one work order now. */
    public record WorkOrderActions(boolean sign, boolean requestReturn, boolean requestExtension, boolean reply,
                                   boolean recordContact, boolean decideReturn, boolean decideExtension) {

        static final WorkOrderActions NONE = new WorkOrderActions(false, false, false, false, false, false, false);

        /** Anything the handling unit may do (nothing while the office decides on its request). */
        public boolean anyByUnit() {
            return sign || requestReturn || requestExtension || reply || recordContact;
        }
    }
}
