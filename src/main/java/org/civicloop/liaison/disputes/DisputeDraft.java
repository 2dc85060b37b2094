package org.civicloop.liaison.disputes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.civicloop.liaison.casework.Inputs;
import org.civicloop.shared.InvalidInput.Problem;

/** What the site records when it takes up a dispute: at least two parties, the subject, the mediating deputies. */
public record DisputeDraft(Long siteId, String subject, String description, List<Party> parties, boolean consent,
                           Set<Long> deputyIds, LocalDate openedOn) {

    public static final int SUBJECT_MAX = 200;
    public static final int DESCRIPTION_MAX = 2000;
    public static final int PARTY_NAME_MAX = 50;
    public static final int MAX_PARTIES = 6;

    public DisputeDraft {
        subject = Inputs.orNull(subject);
        description = Inputs.orNull(description);
        List<Party> kept = new ArrayList<>();
        if (parties != null) {
            for (Party p : parties) {
                if (p != null && (Inputs.orNull(p.name()) != null || Inputs.orNull(p.phone()) != null)) {
                    kept.add(new Party(Inputs.orNull(p.name()), Inputs.orNull(p.phone())));
                }
            }
        }
        parties = List.copyOf(kept);
        deputyIds = deputyIds == null ? Set.of() : new LinkedHashSet<>(deputyIds.stream().filter(d -> d != null).toList());
    }

    public List<Problem> problems(LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        if (siteId == null) {
            problems.add(new Problem("siteId", "casework.error.site"));
        }
        Inputs.required(problems, "subject", subject, SUBJECT_MAX, false);
        Inputs.required(problems, "description", description, DESCRIPTION_MAX, true);
        if (parties.size() < 2) {
            problems.add(new Problem("parties", "dispute.error.twoParties"));
        } else if (parties.size() > MAX_PARTIES) {
            problems.add(new Problem("parties", "dispute.error.tooManyParties", MAX_PARTIES));
        }
        for (int i = 0; i < parties.size(); i++) {
            Party p = parties.get(i);
            Inputs.required(problems, "parties[" + i + "].name", p.name(), PARTY_NAME_MAX, false);
            Inputs.phone(problems, "parties[" + i + "].phone", p.phone(), false);
        }
        if (!consent) {
            problems.add(new Problem("consent", "casework.error.consent"));
        }
        Inputs.deputies(problems, "deputyIds", deputyIds);
        Inputs.pastDate(problems, "openedOn", openedOn, today);
        return problems;
    }
}
