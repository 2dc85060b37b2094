package org.civicloop.campaigns.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.civicloop.shared.InvalidInput.Problem;
import org.civicloop.shared.TextRules;

/**
 * A new campaign as the office sets it up. The groups come one per line (笃行, 护航, 分享); the minimum
 * points must be given (0 admits everyone), nothing is assumed; the phases follow one another.
 */
public record CampaignDraft(String title, String criteria, String groups, Integer minPoints, Integer pointsYear,
                            LocalDate nominationFrom, LocalDate nominationTo, LocalDate votingFrom, LocalDate votingTo,
                            LocalDate publicityFrom, LocalDate publicityTo) {

    public static final int TITLE_MAX = 100;
    public static final int CRITERIA_MAX = 4000;
    public static final int GROUPS_TEXT_MAX = 400;
    public static final int GROUP_MAX = 20;
    public static final int MAX_GROUPS = 10;
    public static final int MAX_POINTS = 100_000;

    /** The groups as given, one per line, blanks dropped. */
    public List<String> groupNames() {
        if (groups == null) {
            return List.of();
        }
        return groups.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        TextRules.check(problems, TextRules.line("title", TITLE_MAX).required(), title);
        TextRules.check(problems, TextRules.text("criteria", CRITERIA_MAX).required(), criteria);
        Problem groupText = TextRules.text("groups", GROUPS_TEXT_MAX).required().problem(groups);
        if (groupText != null) {
            problems.add(groupText);
        } else {
            List<String> names = groupNames();
            Set<String> unique = new LinkedHashSet<>(names);
            if (names.size() > MAX_GROUPS) {
                problems.add(new Problem("groups", "campaign.error.tooManyGroups", String.valueOf(MAX_GROUPS)));
            } else if (unique.size() != names.size()) {
                problems.add(new Problem("groups", "campaign.error.groupTwice"));
            } else if (names.stream().anyMatch(n -> TextRules.length(n) > GROUP_MAX)) {
                problems.add(new Problem("groups", "campaign.error.groupTooLong", String.valueOf(GROUP_MAX)));
            }
        }
        if (minPoints == null) {
            problems.add(new Problem("minPoints", "input.error.required"));
        } else if (minPoints < 0 || minPoints > MAX_POINTS) {
            problems.add(new Problem("minPoints", "campaign.error.minPoints", String.valueOf(MAX_POINTS)));
        }
        if (pointsYear == null) {
            problems.add(new Problem("pointsYear", "input.error.required"));
        } else if (pointsYear < 2000 || pointsYear > 2100) {
            problems.add(new Problem("pointsYear", "campaign.error.pointsYear"));
        }
        String[] fields = {"nominationFrom", "nominationTo", "votingFrom", "votingTo", "publicityFrom", "publicityTo"};
        LocalDate[] dates = {nominationFrom, nominationTo, votingFrom, votingTo, publicityFrom, publicityTo};
        for (int i = 0; i < dates.length; i++) {
            if (dates[i] == null) {
                problems.add(new Problem(fields[i], "campaign.error.date"));
            }
        }
        // within a phase the end may be its first day; the next phase starts after the previous one ends.
        // Each date is held against the nearest earlier date given, so a form with gaps hears about its order too.
        for (int i = 1; i < dates.length; i++) {
            int prev = i - 1;
            while (prev >= 0 && dates[prev] == null) {
                prev--;
            }
            if (dates[i] == null || prev < 0) {
                continue;
            }
            boolean samePhase = i % 2 == 1 && prev == i - 1;
            boolean ok = samePhase ? !dates[i].isBefore(dates[prev]) : dates[i].isAfter(dates[prev]);
            if (!ok) {
                problems.add(new Problem(fields[i], "campaign.error.dateOrder"));
            }
        }
        return problems;
    }
}
