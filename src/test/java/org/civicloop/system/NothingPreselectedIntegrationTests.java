package org.civicloop.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.civicloop.organization.CivicUser;
import org.civicloop.suggestions.domain.AssignmentRole;
import org.civicloop.suggestions.domain.HandlingMode;
import org.civicloop.suggestions.domain.Suggestion.UnitRole;
import org.civicloop.suggestions.domain.SubmissionPeriod;
import org.civicloop.suggestions.domain.SuggestionDraft;
import org.civicloop.suggestions.domain.SuggestionService;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 8, item 10: a result class, a refusal reason, a unit, a contact's stage or mode, a handling
 * mode and the deputy an opinion counts for are chosen by the person. Every such control on every
 * demo suggestion's and opinion's page, as every role that acts on them sees it, starts empty.
 * (Before: class A, the first reason, the suggested or first unit and "lead and co-units" came
 * preselected, and the audit took the unit's own class.)
 */
@IntegrationTest
class NothingPreselectedIntegrationTests {

    @Autowired
    DemoFixture demo;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SuggestionService suggestionService;

    /** A suggestion whose lead unit has replied with class B, waiting for the office's audit. */
    private long repliedWithClassB() {
        CivicUser deputy = demo.user("deputy");
        CivicUser office = demo.user("office");
        CivicUser unit = demo.user("unit");
        long id = suggestionService.draft(new SuggestionDraft("关于预选测试的建议", "审核答复类别时不应预先选定任何类别。", "URBAN",
                SubmissionPeriod.RECESS, List.of(), List.of()), deputy);
        suggestionService.submit(id, deputy);
        suggestionService.register(id, "URBAN", false, false, office);
        suggestionService.assign(id, HandlingMode.LEAD_AND_CO,
                List.of(new UnitRole(unit.unitId(), AssignmentRole.LEAD)), office);
        suggestionService.sign(id, 1, unit);
        suggestionService.reply(id, 1, "已按建议完成整改，答复如下。", "B", unit);
        return id;
    }

    @Test
    void everyConsequentialChoiceStartsEmpty() throws Exception {
        List<String> preselected = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        repliedWithClassB();
        List<Long> suggestions = jdbc.sql("select id from suggestion order by id").query(Long.class).list();
        List<Long> opinions = jdbc.sql("select id from opinion where status in ('SUBMITTED', 'ACCEPTED', 'HANDLING') "
                + "order by id limit 40").query(Long.class).list();
        for (String role : List.of("office", "unit", "unit2")) {
            for (long id : suggestions) {
                check(page("/suggestions/" + id, role), "suggestion " + id + " as " + role, preselected, seen);
            }
            for (long id : opinions) {
                check(page("/opinions/" + id, role), "opinion " + id + " as " + role, preselected, seen);
            }
        }
        for (String role : List.of("station", "deputy")) {
            check(page("/opinions/record", role), "record form as " + role, preselected, seen);
            check(page("/opinions/capture", role), "capture page as " + role, preselected, seen);
        }
        // a new deputy's level, and who votes in a new satisfaction poll
        check(page("/deputies/new", "office"), "new deputy", preselected, seen);
        check(page("/polls/manage/new", "office"), "new poll", preselected, seen);
        // the kind of a supervision activity the office records on a key suggestion
        for (long id : jdbc.sql("select suggestion_id from supervision_lead").query(Long.class).list()) {
            check(page("/supervision/suggestions/" + id, "office"), "supervision of " + id, preselected, seen);
        }
        assertThat(preselected).isEmpty();
        // the check saw each kind of control at least once, so it proves something about each
        assertThat(seen).contains("select resultClass (reply)", "select resultClass (audit)", "select reason", "select unitId",
                "radio mode", "select stage", "select level", "radio electorate", "select kind");
    }

    private Document page(String path, String role) throws Exception {
        var response = mvc.perform(get(path).with(user(demo.user(role)))).andReturn().getResponse();
        return Jsoup.parse(response.getStatus() == 200 ? response.getContentAsString() : "");
    }

    private static void check(Document page, String where, List<String> preselected, Set<String> seen) {
        for (Element select : page.select("form select[name~=^(resultClass|reason|unitId|leadUnit|stage|mode|addressee|level|kind)$]")) {
            if (select.closest("form").attr("method").equalsIgnoreCase("get")) {
                continue; // a list's filter, not a decision
            }
            String name = select.attr("name");
            String kind = "select " + name + (name.equals("resultClass")
                    ? (select.id().startsWith("audit") ? " (audit)" : " (reply)") : "");
            seen.add(kind);
            Element first = select.selectFirst("option");
            if (first == null || !first.val().isEmpty() || !select.select("option[selected][value~=.+]").isEmpty()) {
                preselected.add(where + ": " + kind + " " + select.select("option[selected]").text());
            }
        }
        for (Element radio : page.select("form input[type=radio][name~=^(mode|electorate)$]")) {
            seen.add("radio " + radio.attr("name"));
            if (radio.hasAttr("checked")) {
                preselected.add(where + ": radio " + radio.attr("name") + " " + radio.val());
            }
        }
    }
}
