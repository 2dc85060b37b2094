package org.civicloop.opinions.web;

/**
 * The public opinion form. Every field is optional at binding so that the page can list every
 * problem at once; {@link PublicOpinionController} checks them. {@code website} is a honeypot: a
 * hidden field people never fill in and form-filling robots do. {@code submissionKey}: the page's one-time key, so
 * that the same form sent twice (a double tap on a slow phone) stores one opinion.
 */
public record PublicOpinionForm(String category, String content, String placeCode, String placeDetail,
                                String voterName, String voterPhone, String voterEmail, Boolean consent,
                                String website, String addressee, String submissionKey) {

    static PublicOpinionForm empty(String addressee) {
        return new PublicOpinionForm("", "", "", "", "", "", "", false, "", addressee, java.util.UUID.randomUUID().toString());
    }
}
