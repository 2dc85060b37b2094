package org.civicloop.audit.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The audit trail as a filtered list, newest first, paged by id (keyset: no deep OFFSET scans). */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AuditQueries {

    private final JdbcClient jdbc;
    @Value("${civicloop.time-zone:Asia/Shanghai}")
    private final ZoneId zone;

    public record Filter(String actor, String action, String subjectType, String subjectId, LocalDate from,
                         LocalDate to, Long before) {
    }

    public record Entry(long id, Instant occurredAt, String actor, String sourceIp, String module, String action,
                        String subjectType, String subjectId, String before, String after, Long chainSeq, String hash) {
    }

    public List<Entry> find(Filter f, int limit) {
        return jdbc.sql("""
                        select id, occurred_at, actor, source_ip, module, action, subject_type, subject_id,
                               summary_before::text as before, summary_after::text as after, chain_seq, hash
                        from audit_entry
                        where (:actor = '' or actor = :actor)
                          and (:action = '' or action = :action)
                          and (:type = '' or subject_type = :type)
                          and (:sid = '' or subject_id = :sid)
                          and (cast(:from as timestamptz) is null or occurred_at >= :from)
                          and (cast(:to as timestamptz) is null or occurred_at < :to)
                          and (cast(:before as bigint) is null or id < :before)
                        order by id desc
                        limit :limit""")
                .param("actor", blank(f.actor())).param("action", blank(f.action()))
                .param("type", blank(f.subjectType())).param("sid", blank(f.subjectId()))
                .param("from", f.from() == null ? null : java.sql.Timestamp.from(f.from().atStartOfDay(zone).toInstant()))
                .param("to", f.to() == null ? null : java.sql.Timestamp.from(f.to().plusDays(1).atStartOfDay(zone).toInstant()))
                .param("before", f.before())
                .param("limit", limit)
                .query(Entry.class).list();
    }

    public List<String> actions() {
        return jdbc.sql("select distinct action from audit_entry order by action").query(String.class).list();
    }

    private static String blank(String s) {
        return s == null ? "" : s.strip();
    }
}
