package org.civicloop.suggestions.supervision;

import java.util.List;
import java.util.Set;
import org.civicloop.organization.CivicUser;
import org.civicloop.testing.DemoFixture;
import org.civicloop.organization.Role;
import org.civicloop.suggestions.domain.AssignmentRole;
import org.civicloop.suggestions.domain.Evaluation;
import org.civicloop.suggestions.domain.HandlingMode;
import org.civicloop.suggestions.domain.SubmissionPeriod;
import org.civicloop.suggestions.domain.Suggestion.UnitRole;
import org.civicloop.suggestions.domain.SuggestionDraft;
import org.civicloop.suggestions.domain.SuggestionService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Demo people and suggestions driven through the real lifecycle to where supervision starts. */
class SupervisionFixtures {

    static final String HOUSING = "花溪区住房和城乡建设局";
    static final String EDUCATION = "花溪区教育局";

    private final SuggestionService service;
    private final DemoFixture demo;
    private final JdbcClient jdbc;

    SupervisionFixtures(SuggestionService service, UserDetailsService users, JdbcClient jdbc) {
        this.service = service;
        this.demo = new DemoFixture(jdbc, users);
        this.jdbc = jdbc;
    }

    CivicUser user(String username) {
        return demo.user(username);
    }

    /** A second leader, not in the demo data, to show that only the named leader may record. */
    CivicUser otherLeader() {
        return new CivicUser(990_101L, "leader2", "Other leader", null, null, Set.of(Role.LEADER), true, null, false, 0, null);
    }

    long unitId(String name) {
        return demo.unit(name);
    }

    /** Registered (key or not) and assigned to the housing bureau (demo account {@code unit}) now. */
    long assigned(String title, boolean key) {
        return assigned(title, key, java.time.Instant.now());
    }

    /** Registered (key or not) and assigned to the housing bureau at {@code at}. */
    long assigned(String title, boolean key, java.time.Instant at) {
        long id = service.draft(new SuggestionDraft(title, "关于" + title + "的具体建议。", "URBAN", SubmissionPeriod.RECESS,
                List.of(), List.of()), user("deputy"));
        service.submit(id, user("deputy"));
        service.register(id, "URBAN", key, false, user("office"));
        service.assign(id, HandlingMode.LEAD_AND_CO, List.of(new UnitRole(unitId(HOUSING), AssignmentRole.LEAD)), user("office"), at);
        return id;
    }

    /** Replied by the housing bureau with one class, audited as {@code auditedClass}, and closed satisfied. */
    long closed(String title, String repliedClass, String auditedClass) {
        long id = assigned(title, false);
        service.sign(id, 1, user("unit"));
        service.reply(id, 1, "已列入明年计划逐步解决。", repliedClass, user("unit"));
        service.auditReply(id, 1, auditedClass, user("office"));
        service.sendForEvaluation(id, user("office"));
        service.evaluate(id, Evaluation.BASICALLY_SATISFIED, null, user("deputy"));
        return id;
    }

    long messages(String username, String key, String link) {
        return jdbc.sql("""
                        select count(*) from staff_message m join account a on a.id = m.account_id
                        where a.username = :u and m.message_key = :k and m.link = :link""")
                .param("u", username).param("k", key).param("link", link).query(Long.class).single();
    }

    long audited(String subjectType, long subjectId, String action) {
        return jdbc.sql("select count(*) from audit_entry where subject_type = :t and subject_id = :id and action = :a")
                .param("t", subjectType).param("id", Long.toString(subjectId)).param("a", action).query(Long.class).single();
    }
}
