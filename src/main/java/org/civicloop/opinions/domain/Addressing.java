package org.civicloop.opinions.domain;

import org.civicloop.organization.CivicUser;

/**
 * Who a QR-code opinion belongs to besides the office: the deputy whose code was scanned, or the
 * staff of the liaison site whose code was scanned.
 */
public interface Addressing {

    boolean isAddressedTo(CivicUser user, Opinion opinion);

    /** Whoever a duty QR code's token names, for the form's heading. */
    java.util.Optional<Addressee> byToken(String token);

    java.util.Optional<Addressee> find(AddresseeKind kind, long id);

    /** Whom this user records opinions for: a deputy themself, a station's staff their sites. */
    java.util.List<Addressee> recordableBy(CivicUser user);

    /**
     * @param description the deputy's level and constituency, or the site's type and address
     */
    record Addressee(AddresseeKind kind, long id, String name, String description, String regionCode) {
    }

    /** The addressee as SQL parameters for queues: the deputy id and site ids the user answers for. */
    Addressees of(CivicUser user);

    record Addressees(long deputyId, java.util.Set<Long> siteIds) {
        public static final Addressees NONE = new Addressees(-1, java.util.Set.of(-1L));
    }
}
