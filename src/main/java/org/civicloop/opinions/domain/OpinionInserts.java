package org.civicloop.opinions.domain;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.shared.ChineseText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores a submitted opinion with its word index (a tsvector of its Chinese words under a GIN index, one of
 * the two ways {@link SimilarMatters} finds candidates) in one INSERT. Issue 14: the repository's insert
 * followed by an UPDATE of the words wrote every opinion twice, with each of its eleven index entries twice
 * (the GIN index rules out a HOT update), and building the repository's INSERT was a quarter of a public
 * submission's CPU samples (JFR at 64 clients). Every later change goes through the repository.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class OpinionInserts {

    /** The columns of {@link Opinion#firstColumns}, in its order, then the words. */
    private static final String INSERT = """
            insert into opinion (receipt_code, channel, addressee_kind, addressee_id, category, content, place_code,
                                 place_detail, district_code, voter_name, voter_phone, voter_email, consent_at, status,
                                 reopen_count, recorded_by_account, external_ref, source_ip, submitted_at, updated_at,
                                 version, search)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, array_to_tsvector(cast(? as text[])))
            on conflict (receipt_code) do nothing
            returning id""";
    private static final int[] TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.TIMESTAMP, Types.VARCHAR, Types.INTEGER, Types.BIGINT, Types.VARCHAR, Types.VARCHAR,
            Types.TIMESTAMP, Types.TIMESTAMP};

    private final JdbcClient jdbc;

    /**
     * Stores a submitted opinion and its words; returns it with its id, or nothing (and stores nothing) when its
     * receipt code was given before. Any other unique key (a partner's reference) fails as usual.
     */
    Optional<Opinion> insert(Opinion submitted) {
        Object[] columns = submitted.firstColumns();
        JdbcClient.StatementSpec insert = jdbc.sql(INSERT);
        for (int i = 0; i < columns.length; i++) {
            Object value = columns[i] instanceof Instant at ? Timestamp.from(at) : columns[i];
            insert = insert.param(i + 1, value, TYPES[i]);
        }
        return insert.param(columns.length + 1, ChineseText.words(submitted.content()).toArray(String[]::new))
                .query(Long.class).optional().map(submitted::stored);
    }
}
