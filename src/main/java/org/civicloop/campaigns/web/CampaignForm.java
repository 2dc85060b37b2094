package org.civicloop.campaigns.web;

import java.time.LocalDate;
import org.civicloop.campaigns.domain.CampaignDraft;
import org.springframework.format.annotation.DateTimeFormat;

/** A new campaign: nothing filled in beforehand (the minimum points and every date are the office's choice). */
record CampaignForm(String title, String criteria, String groups, Integer minPoints, Integer pointsYear,
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate nominationFrom,
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate nominationTo,
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate votingFrom,
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate votingTo,
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate publicityFrom,
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate publicityTo) {

    static CampaignForm empty() {
        return new CampaignForm("", "", "", null, null, null, null, null, null, null, null);
    }

    CampaignDraft draft() {
        return new CampaignDraft(title, criteria, groups, minPoints, pointsYear, nominationFrom, nominationTo, votingFrom,
                votingTo, publicityFrom, publicityTo);
    }
}
