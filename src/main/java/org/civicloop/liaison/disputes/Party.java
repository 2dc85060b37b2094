package org.civicloop.liaison.disputes;

/** A party to a dispute: personal data, shown only to those who work at the site. */
public record Party(String name, String phone) {
}
