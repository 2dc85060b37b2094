package org.civicloop.deputies.web;

/** The public address a duty QR code holds: {@code ${civicloop.public-base-url}/o/{token}}. */
final class DutyCodeLinks {

    private DutyCodeLinks() {
    }

    static String trim(String baseUrl) {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    static String address(String baseUrl, String token) {
        return baseUrl + "/o/" + token;
    }
}
