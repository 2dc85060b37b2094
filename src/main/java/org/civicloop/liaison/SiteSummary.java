package org.civicloop.liaison;

/**
 * A liaison site as other modules see it.
 *
 * @param type        one of {@code PROFESSIONAL_HOME, STATION, AREA_ROOM, PARK_ROOM, RURAL_POINT,
 *                    ECON_OBSERVATION, PROFESSIONAL_POINT, MOBILE,
 *                    LEGISLATIVE_POINT}; label {@code siteType.<type>}
 * @param dutyToken   the code of the site's duty QR code, the last part of {@code /o/{token}}
 * @param staffUnitId the organisation unit whose station staff run the site, or null for the office itself
 */
public record SiteSummary(long id, String name, String type, String regionCode, String address,
                          String dutyToken, Long staffUnitId) {
}
