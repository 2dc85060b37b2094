package org.civicloop.open311.domain;

/**
 * What a partner POSTed, by GeoReport v2 name. {@code lat}, {@code long} and {@code address_string}
 * are kept beside the request as sent; the place is {@code attribute[place_code]}, or else the one
 * {@link AddressPlaces} finds in {@code address_string}. {@code address_id} is not used.
 * {@code device_id} is checked but never stored (it identifies a person's phone and we do not need it).
 */
public record Open311Submission(String serviceCode, String placeCode, String description, String addressString,
                                String lat, String lon,
                                String firstName, String lastName, String phone, String email, String accountId,
                                String deviceId, String mediaUrl, String sourceIp) {
}
