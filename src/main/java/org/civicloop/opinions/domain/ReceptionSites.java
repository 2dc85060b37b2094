package org.civicloop.opinions.domain;

import java.util.Optional;

/**
 * Which liaison site held a reception (接待), for an opinion recorded with the reception's id: the
 * site it counts for in the network's figures ({@code LiaisonEvents.OpinionHeardAtSite}). Answered
 * by the liaison module's receptions once they are wired in; until then no reception is known and an
 * opinion counts for the site it is addressed to.
 */
public interface ReceptionSites {

    /** The site that held the reception; empty when it is not known. */
    Optional<Long> siteOf(long receptionId);

    /** Until the liaison module's receptions answer: no reception is known. */
    @org.springframework.stereotype.Component
    class Unknown implements ReceptionSites {
        @Override
        public Optional<Long> siteOf(long receptionId) {
            return Optional.empty();
        }
    }
}
