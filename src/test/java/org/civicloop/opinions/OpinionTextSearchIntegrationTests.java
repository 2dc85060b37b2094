package org.civicloop.opinions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.civicloop.opinions.domain.Opinion;
import org.civicloop.opinions.domain.OpinionQueries;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.opinions.domain.SubmitOpinion;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A text search first reads the newest opinions back in time ({@code civicloop.opinions.text-walk}), then looks
 * among the last month's opinions, then the last year's, then all (issue 14): the pages are the same as a search
 * of everything, newest first, whichever step fills them. {@link OpinionTextSearchWindowsIntegrationTests} runs the
 * same with a walk too short to fill a page.
 */
@IntegrationTest
class OpinionTextSearchIntegrationTests {

    @Autowired
    OpinionService service;
    @Autowired
    OpinionQueries queries;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void pagesAreTheNewestMatchesWhicheverWindowHoldsThem() {
        OpinionFixtures f = new OpinionFixtures(service, users, jdbc);
        String marker = "窗口检索" + System.nanoTime();
        Instant now = Instant.now();
        // 2 days, 100 days, 500 days and 1,000 days old; and one without the words, yesterday
        List<Long> newestFirst = List.of(2, 100, 500, 1000).stream().map(days -> submitted(marker + " 小区垃圾清运不及时",
                now.minus(Duration.ofDays(days)))).map(Opinion::id).toList();
        submitted("小区垃圾清运不及时，没有标记", now.minus(Duration.ofDays(1)));
        var search = new OpinionQueries.QueueFilter("", "", "", "", marker, null, null, null);

        // one in the last month: a page of one is filled there
        assertThat(ids(queries.queue(search, f.user("office"), null, null, 1))).containsExactly(newestFirst.get(0));
        // a page of two needs the year, of three and more everything
        assertThat(ids(queries.queue(search, f.user("office"), null, null, 2))).containsExactlyElementsOf(newestFirst.subList(0, 2));
        assertThat(ids(queries.queue(search, f.user("office"), null, null, 3))).containsExactlyElementsOf(newestFirst.subList(0, 3));
        assertThat(ids(queries.queue(search, f.user("office"), null, null, 10))).containsExactlyElementsOf(newestFirst);
        // the next page after the second: its windows count back from that row's time
        var second = queries.queue(search, f.user("office"), null, null, 2).get(1);
        assertThat(ids(queries.queue(search, f.user("office"), second.submittedAt(), second.id(), 1)))
                .containsExactly(newestFirst.get(2));
        assertThat(ids(queries.queue(search, f.user("office"), second.submittedAt(), second.id(), 5)))
                .containsExactlyElementsOf(newestFirst.subList(2, 4));
    }

    private Opinion submitted(String content, Instant at) {
        return service.submit(SubmitOpinion.fromPublic(null, "127.0.0.1").category("URBAN").content(content)
                .place(OpinionFixtures.QINGYAN, null).build(), List.of(), at);
    }

    private static List<Long> ids(List<OpinionQueries.QueueRow> rows) {
        return rows.stream().map(OpinionQueries.QueueRow::id).toList();
    }
}
