package org.civicloop.deputies;

/**
 * A deputy as other modules see them: no phone number (personal data stays in the roster).
 *
 * @param level        {@code DISTRICT}, {@code CITY}, {@code PROVINCE} or {@code NATIONAL}; its label is
 *                     {@code deputyLevel.<level>} in the message bundles
 * @param regionCode   the place (GB/T 2260 code) the deputy was elected in
 * @param dutyToken    the code of the deputy's duty QR code, the last part of {@code /o/{token}}
 * @param accountId    the deputy's login, if they have one
 */
public record DeputySummary(long id, String name, String level, String constituency, String regionCode,
                            String dutyToken, Long accountId) {
}
