/**
 * Grassroots legislative contact points (基层立法联系点): drafts put to the people article by article,
 * comments from every channel, the compiled report per contact point, and adoption fed back.
 * A contact point is a liaison site of type {@code LEGISLATIVE_POINT}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organization", "deputies",
        "liaison", "notifications", "language"})
package org.civicloop.legislation;
