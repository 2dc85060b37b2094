package org.civicloop.liaison.matters;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.civicloop.liaison.casework.Inputs;
import org.civicloop.shared.CreditCode;
import org.civicloop.shared.InvalidInput.Problem;

/**
 * What the site records when it takes up an enterprise's matter. The unit and the deputies are
 * chosen by the person recording: nothing is preselected.
 */
public record MatterDraft(Long siteId, String enterpriseName, String creditCode, String contactName, String contactPhone,
                          boolean consent, String problem, Long unitId, Set<Long> deputyIds, LocalDate openedOn) {

    public static final int NAME_MAX = 100;
    public static final int CONTACT_MAX = 50;
    public static final int PROBLEM_MAX = 2000;

    public MatterDraft {
        enterpriseName = Inputs.orNull(enterpriseName);
        creditCode = CreditCode.normalise(Inputs.orNull(creditCode));
        contactName = Inputs.orNull(contactName);
        contactPhone = Inputs.orNull(contactPhone);
        problem = Inputs.orNull(problem);
        deputyIds = deputyIds == null ? Set.of() : new LinkedHashSet<>(deputyIds.stream().filter(d -> d != null).toList());
    }

    /** Every problem of the draft's shape, by field; the service adds those that need the database. */
    public List<Problem> problems(LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        if (siteId == null) {
            problems.add(new Problem("siteId", "casework.error.site"));
        }
        Inputs.required(problems, "enterpriseName", enterpriseName, NAME_MAX, false);
        if (creditCode == null) {
            problems.add(new Problem("creditCode", "casework.error.required"));
        } else if (!CreditCode.isValid(creditCode)) {
            problems.add(new Problem("creditCode", "matter.error.creditCode"));
        }
        Inputs.required(problems, "contactName", contactName, CONTACT_MAX, false);
        Inputs.phone(problems, "contactPhone", contactPhone, true);
        if (!consent) {
            problems.add(new Problem("consent", "casework.error.consent"));
        }
        Inputs.required(problems, "problem", problem, PROBLEM_MAX, true);
        if (unitId == null) {
            problems.add(new Problem("unitId", "matter.error.unit"));
        }
        Inputs.deputies(problems, "deputyIds", deputyIds);
        Inputs.pastDate(problems, "openedOn", openedOn, today);
        return problems;
    }
}
