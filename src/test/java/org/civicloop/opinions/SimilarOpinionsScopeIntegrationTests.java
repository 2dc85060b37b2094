package org.civicloop.opinions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 15, item 2 (in part): the similar opinions shown while recording are only those the recorder
 * may open. Before, a station's staff typing about the old town's fire risk were shown the demo
 * opinion sent to the deputy 王建国's duty code, with its receipt code, which lets its holder rate
 * and reopen it.
 */
@IntegrationTest
class SimilarOpinionsScopeIntegrationTests {

    private static final String TEXT = "古镇里木房子挨着木房子，消防车开不进来，一旦着火后果不堪设想。";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoFixture demo;

    @Test
    void aRecorderIsShownOnlyTheSimilarOpinionsTheyMayOpen() throws Exception {
        String code = jdbc.sql("select receipt_code from opinion where content = :c").param("c", TEXT).query(String.class).single();
        // the office and the deputy it was sent to see it; the station's staff do not
        assertThat(similar("office")).contains(code);
        assertThat(similar("deputy")).contains(code);
        String station = similar("station");
        assertThat(station).doesNotContain(code);
        assertThat(mvc.perform(get("/opinions/" + idOf(code)).with(user(demo.user("station")))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
    }

    private String similar(String role) throws Exception {
        return mvc.perform(post("/opinions/similar").param("content", TEXT).with(user(demo.user(role))).with(csrf()))
                .andReturn().getResponse().getContentAsString();
    }

    private long idOf(String code) {
        return jdbc.sql("select id from opinion where receipt_code = :c").param("c", code).query(Long.class).single();
    }
}
