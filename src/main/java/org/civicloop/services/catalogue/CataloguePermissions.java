package org.civicloop.services.catalogue;

import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.springframework.stereotype.Component;

/**
 * Who may do what with the catalogue of combined services and its efficiency figures, asked by the
 * pages (what they offer) and by {@link ServiceCatalogue} (what it accepts) alike. The administrator
 * writes the catalogue; the service window reads it to advise applicants; leaders and the evaluation
 * office read the efficiency figures.
 */
@Component
public class CataloguePermissions {

    /** What one user may do on the catalogue's pages, one named flag per action. */
    public record CatalogueActions(boolean view, boolean edit, boolean withdraw, boolean export, boolean efficiency) {
    }

    public CatalogueActions actionsFor(CivicUser user) {
        return new CatalogueActions(mayView(user), mayEdit(user), mayEdit(user), mayView(user), mayViewEfficiency(user));
    }

    /** The list, every definition and every version: administrator and window clerk. */
    public boolean mayView(CivicUser user) {
        return user != null && (user.hasRole(Role.ADMIN) || user.hasRole(Role.WINDOW_CLERK));
    }

    /** Create, edit, import and withdraw: the administrator only. */
    public boolean mayEdit(CivicUser user) {
        return user != null && user.hasRole(Role.ADMIN);
    }

    /** The efficiency figures: administrator, window clerk, district leader, evaluation office. */
    public boolean mayViewEfficiency(CivicUser user) {
        return user != null && (user.hasRole(Role.ADMIN) || user.hasRole(Role.WINDOW_CLERK)
                || user.hasRole(Role.LEADER) || user.hasRole(Role.EVALUATION_OFFICE));
    }
}
