package org.civicloop.notifications.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Staff inboxes. Every query names the account, so one staff member can neither see nor mark
 * another's messages: to them those ids do not exist.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class StaffMessages {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    /** A message as stored: a bundle key and arguments, rendered in the reader's language. */
    public record Message(long id, String messageKey, List<String> arguments, String link, Instant createdAt, Instant readAt) {

        public boolean unread() {
            return readAt == null;
        }
    }

    void add(long accountId, String messageKey, List<String> arguments, String link) {
        jdbc.sql("""
                        insert into staff_message (account_id, message_key, arguments, link)
                        values (:account, :key, cast(:args as jsonb), :link)""")
                .param("account", accountId).param("key", messageKey)
                .param("args", json.writeValueAsString(arguments)).param("link", link)
                .update();
    }

    /** Newest first; {@code before} (a message id) pages back. */
    public List<Message> inbox(long accountId, Long before, int limit) {
        return jdbc.sql("""
                        select id, message_key, arguments::text, link, created_at, read_at from staff_message
                        where account_id = :account and (cast(:before as bigint) is null or id < :before)
                        order by id desc limit :limit""")
                .param("account", accountId).param("before", before).param("limit", limit)
                .query(this::map).list();
    }

    public Optional<Message> find(long accountId, long id) {
        return jdbc.sql("""
                        select id, message_key, arguments::text, link, created_at, read_at from staff_message
                        where account_id = :account and id = :id""")
                .param("account", accountId).param("id", id)
                .query(this::map).optional();
    }

    /** @return false if the account has no such message */
    public boolean markRead(long accountId, long id) {
        return jdbc.sql("update staff_message set read_at = coalesce(read_at, now()) where account_id = :account and id = :id")
                .param("account", accountId).param("id", id).update() == 1;
    }

    public int markAllRead(long accountId) {
        return jdbc.sql("update staff_message set read_at = now() where account_id = :account and read_at is null")
                .param("account", accountId).update();
    }

    public long unreadCount(long accountId) {
        return jdbc.sql("select count(*) from staff_message where account_id = :account and read_at is null")
                .param("account", accountId).query(Long.class).single();
    }

    private Message map(ResultSet rs, int row) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new Message(rs.getLong("id"), rs.getString("message_key"),
                Arrays.asList(json.readValue(rs.getString(3), String[].class)), rs.getString("link"),
                rs.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant());
    }
}
