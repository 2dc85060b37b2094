package org.civicloop.legislation.drafts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.civicloop.shared.InvalidInput.Problem;
import org.civicloop.shared.TextRules;

/** What the office registers about a draft; the text comes apart, pasted or read from a .docx. */
public record DraftDetails(String title, String issuingBody, LocalDate opensOn, LocalDate closesOn,
                           String focusQuestions, Set<Long> siteIds) {

    public static final int TEXT_MAX = 200_000;

    /** Every problem of the details, field by field. */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        TextRules.check(problems, TextRules.line("title", 200).required(), title);
        TextRules.check(problems, TextRules.line("issuingBody", 100).required(), issuingBody);
        TextRules.check(problems, TextRules.text("focusQuestions", 2000), focusQuestions);
        if (opensOn == null) {
            problems.add(new Problem("opensOn", "input.error.required"));
        }
        if (closesOn == null) {
            problems.add(new Problem("closesOn", "input.error.required"));
        } else if (opensOn != null && closesOn.isBefore(opensOn)) {
            problems.add(new Problem("closesOn", "legislation.draft.error.window"));
        }
        if (siteIds == null || siteIds.isEmpty()) {
            problems.add(new Problem("siteIds", "legislation.draft.error.noPoint"));
        }
        return problems;
    }
}
