package org.civicloop.system.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An event a marked listener never finished with (its node stopped after the publisher committed) is handed
 * to it again; one of an unmarked listener is left alone.
 */
@IntegrationTest
class UnfinishedEventsIntegrationTests {

    @Autowired
    UnfinishedEvents unfinished;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoFixture demo;

    @Test
    void aMarkedListenersUnfinishedEventIsHandedAgainAndAnUnmarkedOnesIsNot() {
        demo.recordsSettled();
        UUID records = publication("org.civicloop.records.%");
        UUID other = jdbc.sql("""
                        select id from event_publication
                         where listener_id not like 'org.civicloop.records.%'
                           and listener_id not like 'org.civicloop.liaison.figures.SiteFacts.%'
                           and listener_id not like '%Notices.%' and listener_id not like '%.UnevaluatedSuggestions.%'
                           and listener_id not like 'org.civicloop.notifications.%' and completion_date is not null
                         order by publication_date desc limit 1""")
                .query(UUID.class).optional().orElse(null);
        // as if both nodes had stopped before finishing: unfinished, and an hour old
        for (UUID id : new UUID[] {records, other}) {
            if (id != null) {
                jdbc.sql("""
                                update event_publication set completion_date = null, status = 'PROCESSING',
                                       publication_date = now() - interval '1 hour', last_resubmission_date = null
                                 where id = :id""").param("id", id).update();
            }
        }

        // (the scheduled run may come first: either way the event is handed again)
        unfinished.resubmit();

        await().atMost(Duration.ofSeconds(30)).until(() -> completed(records));
        if (other != null) {
            assertThat(completed(other)).as("a listener not marked is left to its own module").isFalse();
            jdbc.sql("update event_publication set completion_date = now(), status = 'COMPLETED' where id = :id")
                    .param("id", other).update();
        }
    }

    @Test
    void anEventThatFailedEveryTimeIsGivenUpAfterTheLastAttempt() {
        demo.recordsSettled();
        UUID records = publication("org.civicloop.records.%");
        // unfinished, an hour old, and handed again as often as allowed (civicloop.events.max-attempts, 10)
        jdbc.sql("""
                        update event_publication set completion_date = null, status = 'FAILED', completion_attempts = 10,
                               publication_date = now() - interval '1 hour', last_resubmission_date = now() - interval '1 hour'
                         where id = :id""").param("id", records).update();
        try {
            unfinished.resubmit();
            assertThat(jdbc.sql("select status || ' ' || completion_attempts from event_publication where id = :id")
                    .param("id", records).query(String.class).single()).as("not handed again").isEqualTo("FAILED 10");
            // one attempt fewer, and it is handed again
            jdbc.sql("update event_publication set completion_attempts = 9 where id = :id").param("id", records).update();
            assertThat(unfinished.resubmit()).isPositive();
            await().atMost(Duration.ofSeconds(30)).until(() -> completed(records));
        } finally {
            jdbc.sql("update event_publication set completion_date = coalesce(completion_date, now()), status = 'COMPLETED' where id = :id")
                    .param("id", records).update();
        }
    }

    private UUID publication(String listeners) {
        return jdbc.sql("""
                        select id from event_publication where listener_id like :l and completion_date is not null
                         order by publication_date desc limit 1""").param("l", listeners).query(UUID.class).single();
    }

    private boolean completed(UUID id) {
        return jdbc.sql("select completion_date is not null from event_publication where id = :id").param("id", id)
                .query(Boolean.class).single();
    }
}
