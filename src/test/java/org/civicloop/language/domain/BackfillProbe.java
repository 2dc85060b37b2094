package org.civicloop.language.domain;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.civicloop.language.TextSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A backfill in a process of its own, over the texts of the table {@code language_probe} (kind
 * {@code probe}), so that a test can kill it with {@code kill -9} half-way and start it again.
 * Arguments: the JDBC URL and the index folder.
 */
public final class BackfillProbe {

    public static void main(String[] args) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(args[0], "postgres", "");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        TextSource probe = new TextSource() {
            public String kind() {
                return "probe";
            }

            public List<Text> after(long afterId, int limit) {
                return jdbc.sql("select id, text from language_probe where id > :after order by id limit :limit")
                        .param("after", afterId).param("limit", limit)
                        .query((rs, n) -> new Text(rs.getLong(1), rs.getString(2), "520111", null)).list();
            }

            public List<Text> byIds(Collection<Long> ids) {
                return List.of();
            }

            public long countAfter(long afterId) {
                return jdbc.sql("select count(*) from language_probe where id > :after").param("after", afterId)
                        .query(Long.class).single();
            }
        };
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("probe", probe));
        LanguageProperties properties = new LanguageProperties(true, Path.of(args[1]), 2, Duration.ofSeconds(1), Duration.ZERO, 1);
        LanguageService service = new LanguageService(new SentenceModel(properties),
                new VectorStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource))),
                properties,
                beans.getBeanProvider(TextSource.class), Path.of(args[1]));
        service.drain();
        System.out.println("drained");
    }
}
