package org.civicloop.opinions.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.civicloop.shared.ChineseText;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A submitted opinion is stored by one hand-written INSERT with its words ({@link OpinionInserts}, issue 14),
 * every later change by the repository: what the repository reads back is, field by field, what was
 * submitted, so a field that a submission sets but the INSERT forgot fails here.
 */
@IntegrationTest
class OpinionInsertsIntegrationTests {

    @Autowired
    OpinionService service;
    @Autowired
    OpinionInserts inserts;
    @Autowired
    OpinionRepository repository;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void theRepositoryReadsBackEveryFieldASubmissionSet() throws Exception {
        Opinion submitted = service.submit(SubmitOpinion.fromPartner(Channel.HOTLINE, "T-INSERT-" + System.nanoTime(), "10.1.2.3")
                .addressee(AddresseeKind.DEPUTY, 1L).category("URBAN")
                .content("龙泉苑小区门口的路灯坏了两个星期，晚上老人出门不安全。")
                .place("520111004001", "3栋门口").voter("王秀英", "13800001234", "wang@example.cn").consent(true)
                .build(), List.of());

        Opinion read = repository.findById(submitted.id()).orElseThrow();
        int compared = 0;
        for (Field field : Opinion.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            field.setAccessible(true);
            assertThat(comparable(field.get(read))).as(field.getName()).isEqualTo(comparable(field.get(submitted)));
            compared++;
        }
        assertThat(compared).isEqualTo(32);
        // what the submission set, not only what both sides left empty
        assertThat(read.voterPhone()).isEqualTo("13800001234");
        assertThat(read.consented()).isTrue();
        assertThat(read.addresseeKind()).isEqualTo(AddresseeKind.DEPUTY);
        assertThat(read.status()).isEqualTo(OpinionStatus.SUBMITTED);

        // the words, in the same statement: the word index finds it
        List<String> words = jdbc.sql("select unnest(tsvector_to_array(search)) from opinion where id = :id order by 1")
                .param("id", submitted.id()).query(String.class).list();
        assertThat(words).containsExactlyInAnyOrderElementsOf(
                ChineseText.words(submitted.content()).stream().distinct().toList()).contains("路灯");
    }

    @Test
    void aReceiptCodeGivenBeforeStoresNothingAndTheTransactionGoesOn() {
        Opinion first = service.submit(SubmitOpinion.fromPublic(null, "127.0.0.1").category("URBAN")
                .content("公交站台的顶棚漏雨，下雨天等车的人都淋湿了。").place("520111004001", null).build(), List.of());

        int after = tx.execute(status -> {
            var again = inserts.insert(Opinion.submit(first.receiptCode(), SubmitOpinion.fromPublic(null, "127.0.0.1")
                    .category("URBAN").content("另一条意见，同一个查询码。").place("520111004001", null).build(),
                    "520111", Instant.now()));
            assertThat(again).isEmpty();
            // a unique violation would have aborted the transaction: this statement would fail
            return jdbc.sql("select count(*) from opinion where receipt_code = :c").param("c", first.receiptCode())
                    .query(Integer.class).single();
        });
        assertThat(after).isEqualTo(1);
        assertThat(repository.findById(first.id()).orElseThrow().content()).startsWith("公交站台");
    }

    /** An instant as PostgreSQL keeps it: to the nearest microsecond (the driver rounds, half up). */
    private static Object comparable(Object value) {
        return value instanceof Instant at ? at.plusNanos(500).truncatedTo(ChronoUnit.MICROS) : value;
    }
}
