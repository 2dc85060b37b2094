package org.civicloop.language;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A {@link TextSource} that reads one table of the offering module: the kind, the table, SQL expressions for
 * the text, the district (null when the records have none) and the time, and a condition every record offered
 * must meet ({@code true} for all). The module keeps its own after-commit refresh
 * ({@link TextVectors#refreshAfterCommit}).
 */
public abstract class SqlTextSource implements TextSource {

    private final JdbcClient jdbc;
    private final String kind;
    private final String select;
    private final String from;

    protected SqlTextSource(JdbcClient jdbc, String kind, String table, String text, String district, String at,
                            String condition) {
        this.jdbc = jdbc;
        this.kind = kind;
        this.from = " from " + table + " where (" + condition + ")";
        this.select = "select id, " + text + " as text, " + district + " as district, " + at + " as at" + from;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public List<Text> after(long afterId, int limit) {
        return jdbc.sql(select + " and id > :after order by id limit :limit")
                .param("after", afterId).param("limit", limit).query(SqlTextSource::text).list();
    }

    @Override
    public List<Text> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(select + " and id = any(:ids) order by id")
                .param("ids", ids.toArray(Long[]::new)).query(SqlTextSource::text).list();
    }

    @Override
    public long countAfter(long afterId) {
        return jdbc.sql("select count(*)" + from + " and id > :after").param("after", afterId).query(Long.class).single();
    }

    private static Text text(ResultSet rs, int n) throws SQLException {
        Timestamp at = rs.getTimestamp("at");
        return new Text(rs.getLong("id"), rs.getString("text"), rs.getString("district"), at == null ? null : at.toInstant());
    }
}
