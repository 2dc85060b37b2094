package org.civicloop.legislation.web;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import org.civicloop.legislation.drafts.DraftDetails;
import org.springframework.format.annotation.DateTimeFormat;

/** The office's form to register a draft; the text is pasted here or comes as a .docx upload beside it. */
public record DraftForm(String title, String issuingBody, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate opensOn,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closesOn, String focusQuestions,
                        Set<Long> siteIds, String text) {

    static DraftForm empty() {
        return new DraftForm("", "", null, null, "", new TreeSet<>(), "");
    }

    DraftDetails details() {
        return new DraftDetails(title, issuingBody, opensOn, closesOn, focusQuestions, siteIds == null ? Set.of() : siteIds);
    }
}
