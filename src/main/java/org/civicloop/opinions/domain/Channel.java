package org.civicloop.opinions.domain;

/** How an opinion came in; the label of each is {@code opinion.channel.<NAME>}. */
public enum Channel {
    /** Scanned a deputy's or a site's duty QR code. */
    QR,
    /** The public form without a QR code. */
    ONLINE,
    /** A deputy's visit (大调研大走访). */
    VISIT,
    /** A reception at a liaison station. */
    RECEPTION,
    /** A mobile reception on market day (群众赶集，代表收音). */
    MARKET_DAY,
    /** Imported from the 12345 hotline. */
    HOTLINE,
    /** A partner system through the Open311 API. */
    OPEN311;

    public boolean recordedByStaff() {
        return this == VISIT || this == RECEPTION || this == MARKET_DAY;
    }
}
