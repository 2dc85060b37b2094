package org.civicloop.liaison.web;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.civicloop.liaison.disputes.DisputeDraft;
import org.civicloop.liaison.disputes.Party;
import org.springframework.format.annotation.DateTimeFormat;

/** Taking up a dispute: up to three parties on the phone form (the draft takes up to six). */
record DisputeForm(Long siteId,
                   @Size(max = DisputeDraft.SUBJECT_MAX) String subject,
                   @Size(max = DisputeDraft.DESCRIPTION_MAX) String description,
                   @Size(max = DisputeDraft.PARTY_NAME_MAX) String party1Name, @Size(max = 20) String party1Phone,
                   @Size(max = DisputeDraft.PARTY_NAME_MAX) String party2Name, @Size(max = 20) String party2Phone,
                   @Size(max = DisputeDraft.PARTY_NAME_MAX) String party3Name, @Size(max = 20) String party3Phone,
                   Boolean consent,
                   Set<Long> deputyIds,
                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate openedOn) {

    static DisputeForm empty(Long siteId, LocalDate today) {
        return new DisputeForm(siteId, "", "", "", "", "", "", "", "", false, Set.of(), today);
    }

    DisputeDraft draft() {
        return new DisputeDraft(siteId, subject, description, List.of(new Party(party1Name, party1Phone),
                new Party(party2Name, party2Phone), new Party(party3Name, party3Phone)), Boolean.TRUE.equals(consent),
                deputyIds, openedOn);
    }

    /** The draft's field name ({@code parties[0].name}) as the form's ({@code party1Name}). */
    static String field(String draftField) {
        if (draftField.startsWith("parties[")) {
            int i = Integer.parseInt(draftField.substring(8, draftField.indexOf(']'))) + 1;
            return "party" + i + (draftField.endsWith(".name") ? "Name" : "Phone");
        }
        return draftField.equals("parties") ? "party1Name" : draftField;
    }
}
