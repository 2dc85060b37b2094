package org.civicloop.liaison.receptions.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import java.util.TreeSet;
import org.civicloop.liaison.receptions.ReceptionPlan;
import org.civicloop.liaison.receptions.ReceptionRule;
import org.springframework.format.annotation.DateTimeFormat;

/** The reception pages' forms. Nothing is preselected: every date, time, deputy and count is the person's choice. */
final class ReceptionForms {

    private ReceptionForms() {
    }

    record PlanForm(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
                    @NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime startsAt,
                    @NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime endsAt,
                    @Size(max = 100) String place,
                    Boolean mobile) {
        static PlanForm empty() {
            return new PlanForm(null, null, null, "", false);
        }

        ReceptionPlan plan() {
            return new ReceptionPlan(heldOn, startsAt, endsAt, place, Boolean.TRUE.equals(mobile));
        }
    }

    record FromRulesForm(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @NotNull @Min(1) @Max(13) Integer weeks) {
        static FromRulesForm empty() {
            return new FromRulesForm(null, null);
        }
    }

    /** {@code days}: weekday numbers 1–7 (WEEKLY) or days of the month 1–31 (MONTH_DAYS), separated by commas. */
    record RuleForm(@NotNull ReceptionRule.Kind kind,
                    @NotNull @Size(max = 100) String days,
                    @NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime startsAt,
                    @NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime endsAt,
                    @Size(max = 100) String place) {
        static RuleForm empty() {
            return new RuleForm(null, "", null, null, "");
        }
    }

    record RosterForm(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dutyDate,
                      @NotNull Long deputyId) {
        static RosterForm empty() {
            return new RosterForm(null, null);
        }
    }

    record HoldForm(Set<Long> deputyIds,
                    @NotNull @Min(0) @Max(100_000) Integer visitors,
                    @Size(max = 2000) String notes) {
        static HoldForm empty() {
            return new HoldForm(new TreeSet<>(), null, "");
        }
    }

    record CancelForm(@Size(max = 500) String reason) {
        static CancelForm empty() {
            return new CancelForm("");
        }
    }
}
