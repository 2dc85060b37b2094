package org.civicloop.liaison.web;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;
import org.civicloop.liaison.activities.ActivityDraft;
import org.springframework.format.annotation.DateTimeFormat;

/** Recording an activity at a deputy home or point; income left empty where it does not apply. */
record ActivityForm(Long siteId,
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
                    @Size(max = ActivityDraft.THEME_MAX) String theme,
                    Integer visitors,
                    Long incomeYuan,
                    Set<Long> deputyIds) {

    static ActivityForm empty(Long siteId) {
        return new ActivityForm(siteId, null, "", null, null, Set.of());
    }

    ActivityDraft draft() {
        return new ActivityDraft(siteId, heldOn, theme, visitors, incomeYuan, deputyIds);
    }
}
