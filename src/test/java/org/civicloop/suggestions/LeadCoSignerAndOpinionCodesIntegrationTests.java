package org.civicloop.suggestions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.BusinessException;
import org.civicloop.suggestions.domain.SubmissionPeriod;
import org.civicloop.suggestions.domain.SuggestionDraft;
import org.civicloop.suggestions.domain.SuggestionService;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 8, item 12: the lead deputy is neither offered nor accepted as their own co-signer, and a
 * suggestion's linked opinions are named by their receipt codes, not internal ids.
 */
@IntegrationTest
class LeadCoSignerAndOpinionCodesIntegrationTests {

    @Autowired
    DemoFixture demo;
    @Autowired
    MockMvc mvc;
    @Autowired
    SuggestionService service;
    @Autowired
    JdbcClient jdbc;

    CivicUser u(String name) {
        return demo.user(name);
    }

    @Test
    void theLeadDeputyIsNotOfferedNorAcceptedAsTheirOwnCoSigner() throws Exception {
        CivicUser deputy = u("deputy");
        long own = service.deputyIdOf(deputy);
        long other = jdbc.sql("select id from deputy where id <> :d order by id limit 1").param("d", own).query(Long.class).single();
        long before = jdbc.sql("select count(*) from suggestion").query(Long.class).single();
        assertThatThrownBy(() -> service.draft(new SuggestionDraft("关于自己联名的建议", "自己不能给自己联名，这条应当被拒绝。", "URBAN",
                SubmissionPeriod.RECESS, List.of(other, own), List.of()), deputy))
                .isInstanceOf(BusinessException.class).extracting("messageKey").isEqualTo("suggestion.error.leadAsCoSigner");
        assertThat(jdbc.sql("select count(*) from suggestion").query(Long.class).single()).isEqualTo(before);

        String form = mvc.perform(get("/suggestions/new").with(user(deputy))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("<option value=\"" + other + "\"").doesNotContain("<option value=\"" + own + "\"");

        long id = service.draft(new SuggestionDraft("关于联名的建议", "联名代表只列其他代表。", "URBAN",
                SubmissionPeriod.RECESS, List.of(other), List.of()), deputy);
        assertThatThrownBy(() -> service.edit(id, new SuggestionDraft("关于联名的建议", "联名代表只列其他代表。", "URBAN",
                SubmissionPeriod.RECESS, List.of(own), List.of()), deputy))
                .isInstanceOf(BusinessException.class).extracting("messageKey").isEqualTo("suggestion.error.leadAsCoSigner");
        String edit = mvc.perform(get("/suggestions/" + id + "/edit").with(user(deputy))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(edit).doesNotContain("<option value=\"" + own + "\"");
    }

    @Test
    void linkedOpinionsAreNamedByTheirReceiptCodes() throws Exception {
        // the demo deputy's draft holds three demo opinions
        long id = jdbc.sql("select s.id from suggestion s join opinion o on o.suggestion_id = s.id order by s.id limit 1")
                .query(Long.class).single();
        List<Long> opinionIds = jdbc.sql("select id from opinion where suggestion_id = :s").param("s", id).query(Long.class).list();
        List<String> codes = jdbc.sql("select receipt_code from opinion where suggestion_id = :s").param("s", id).query(String.class).list();
        assertThat(codes).isNotEmpty();
        String page = mvc.perform(get("/suggestions/" + id).with(user(u("office")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String linked = page.substring(page.indexOf("id=\"linked-opinions\""));
        linked = linked.substring(0, linked.indexOf("</p>"));
        assertThat(linked).contains(codes);
        for (Long o : opinionIds) {
            assertThat(linked).doesNotContain(">" + o + "<");
        }
    }

    @Test
    void anOpinionTheViewerMayNotOpenIsNamedWithoutALinkOrItsCode() throws Exception {
        // the demo deputy's draft holds three demo opinions: one through his own duty code (he may open
        // it), one through a station and one from the website (he may not): the page links only the first
        long id = jdbc.sql("select s.id from suggestion s join opinion o on o.suggestion_id = s.id order by s.id limit 1")
                .query(Long.class).single();
        CivicUser lead = u(jdbc.sql("select a.username from account a join deputy d on d.account_id = a.id "
                + "join suggestion s on s.lead_deputy_id = d.id where s.id = :s").param("s", id).query(String.class).single());
        String page = mvc.perform(get("/suggestions/" + id).with(user(lead))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String linked = page.substring(page.indexOf("id=\"linked-opinions\""));
        linked = linked.substring(0, linked.indexOf("</p>"));
        int links = 0;
        int plain = 0;
        for (Long o : jdbc.sql("select id from opinion where suggestion_id = :s").param("s", id).query(Long.class).list()) {
            String code = jdbc.sql("select receipt_code from opinion where id = :o").param("o", o).query(String.class).single();
            int answer = mvc.perform(get("/opinions/" + o).with(user(lead))).andReturn().getResponse().getStatus();
            if (answer == 200) {
                assertThat(linked).contains(">" + code + "<");
                assertThat(linked).contains("/opinions/" + o + "\"");
                links++;
            } else {
                assertThat(answer).isEqualTo(404);
                assertThat(linked).doesNotContain("/opinions/" + o + "\"");
                // nor its receipt code, which would let the holder rate the answer (issue 15, item 2)
                assertThat(linked).doesNotContain(code);
                plain++;
            }
        }
        assertThat(links).as("opinions the lead may open").isEqualTo(1);
        assertThat(plain).as("opinions the lead may not open").isEqualTo(2);
        assertThat(linked.split("一条您无权查看的意见", -1)).as("each named without its code").hasSize(3);
    }
}
