package org.civicloop.opinions.domain;

/** Who a QR-code opinion was addressed to. */
public enum AddresseeKind {
    DEPUTY, SITE
}
