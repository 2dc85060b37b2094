package org.civicloop.opinions.domain;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address of a voter's status page at the address the public reaches CivicLoop at
 * ({@code civicloop.public-base-url}, as the duty QR codes print it): the link in the voter's SMS and
 * e-mail notices and the one the page shows to bookmark, written in one place.
 */
@Component
public class StatusLinks {

    private final String base;

    StatusLinks(@Value("${civicloop.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.base = publicBaseUrl.strip().replaceAll("/+$", "");
    }

    public String of(String receiptCode) {
        return base + "/public/opinions/" + receiptCode;
    }
}
