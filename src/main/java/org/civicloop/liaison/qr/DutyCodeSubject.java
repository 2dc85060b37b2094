package org.civicloop.liaison.qr;

/**
 * Whom a duty QR code reaches: a serving deputy or an open liaison site.
 *
 * @param kind        what the code stands for
 * @param token       the duty token
 * @param name        the deputy's or the site's name
 * @param category    deputy: the level ({@code DISTRICT}…); site: the type ({@code STATION}…)
 * @param congress    deputy: the place whose congress elected them (贵阳市), null for the national congress
 *                    or when unknown; site: null
 * @param detail      deputy: the constituency; site: the address
 */
record DutyCodeSubject(Kind kind, String token, String name, String category, String congress, String detail) {

    enum Kind { DEPUTY, SITE }
}
