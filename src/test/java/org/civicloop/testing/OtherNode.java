package org.civicloop.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import org.civicloop.language.TextVectors;
import org.civicloop.language.domain.LanguageService;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What another node, or this node's language worker, does at a moment a test chooses. */
public final class OtherNode {

    private OtherNode() {
    }

    /**
     * An opinion stored by SQL, as another node would store it: no event asks this node's language worker for its
     * vector (its backfill looks every few seconds). A copy of {@code likeId}'s columns with its own text.
     */
    public static long storesOpinion(JdbcClient jdbc, long likeId, String content) {
        List<String> columns = jdbc.sql("""
                        select column_name from information_schema.columns
                         where table_name = 'opinion' and table_schema = current_schema()
                           and column_name not in ('id', 'receipt_code', 'content')
                           and is_identity = 'NO' and is_generated = 'NEVER'""")
                .query(String.class).list();
        String copied = String.join(", ", columns);
        return jdbc.sql("insert into opinion (receipt_code, content, " + copied + ") select :code, :content, " + copied
                        + " from opinion where id = :like returning id")
                .param("code", "T" + System.nanoTime() % 100_000_000).param("content", content).param("like", likeId)
                .query(Long.class).single();
    }

    /**
     * The language service, whose worker computes and indexes everything waiting right after each search of the
     * vectors: a reader that asks what is not searchable yet after searching misses what was put in between.
     */
    public static TextVectors indexingRightAfterEachSearch(LanguageService language) {
        return (TextVectors) Proxy.newProxyInstance(OtherNode.class.getClassLoader(), new Class<?>[] {TextVectors.class},
                (proxy, method, args) -> {
                    try {
                        Object answer = method.invoke(language, args);
                        if (method.getName().equals("nearest")) {
                            language.drain();
                        }
                        return answer;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
