package org.civicloop.open311.domain;

/**
 * What a partner POSTed, by GeoReport v2 name. {@code lat}, {@code long} and {@code address_id}
 * are not here: CivicLoop has no map and locates an opinion by {@code attribute[place_code]} alone.
 * {@code device_id} is checked but never stored (it identifies a person's phone and we do not need it).
 */
public record Open311Submission(String serviceCode, String placeCode, String description, String addressString,
                                String firstName, String lastName, String phone, String email, String accountId,
                                String deviceId, String mediaUrl, String sourceIp) {
}
