package org.civicloop.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import org.civicloop.organization.Role;
import org.civicloop.organization.domain.AccountDetails;
import org.civicloop.organization.domain.AccountService;
import org.civicloop.testing.IntegrationTest;
import org.civicloop.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class AuditChainIntegrationTests {

    @Autowired
    AuditTrail trail;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyStateChangeIsRecordedWithWhoWhatAndBeforeAfter() {
        String username = "audit" + System.nanoTime() % 1_000_000;
        long id = accounts.create(username, new AccountDetails("审计测试", "13800001234", null, Set.of(Role.DEPUTY), true),
                "Audit2026x", false).id();
        accounts.update(id, new AccountDetails("审计测试（改）", "13800001234", null, Set.of(Role.DEPUTY, Role.LEADER), true));

        var rows = jdbc.sql("""
                        select action, actor, module, summary_before->>'displayName' as before_name,
                               summary_after->>'displayName' as after_name, summary_after->>'roles' as roles,
                               summary_after->>'phone' as phone
                        from audit_entry where subject_type = 'account' and subject_id = :id order by id""")
                .param("id", Long.toString(id)).query().listOfRows();
        assertThat(rows).extracting(r -> r.get("action")).containsExactly("account.created", "account.updated");
        Map<String, Object> update = rows.get(1);
        assertThat(update.get("module")).isEqualTo("organization");
        assertThat(update.get("actor")).isEqualTo("system");
        assertThat(update.get("before_name")).isEqualTo("审计测试");
        assertThat(update.get("after_name")).isEqualTo("审计测试（改）");
        assertThat(update.get("roles")).isEqualTo("DEPUTY,LEADER");
        assertThat(update.get("phone")).as("a phone number is masked in the trail").isEqualTo("*******1234");
    }

    @Test
    void theChainIsIntactAfterOrdinaryWork() {
        accounts.create("chain" + System.nanoTime() % 1_000_000,
                new AccountDetails("链测试", null, null, Set.of(Role.DEPUTY), true), "Chain2026x", false);
        trail.chainPending();
        AuditTrail.Verification v = trail.verify();
        assertThat(v.intact()).as(v.toString()).isTrue();
        assertThat(v.checked()).isEqualTo(jdbc.sql("select count(*) from audit_entry where chain_seq is not null")
                .query(Long.class).single());
    }

    @Test
    void editingARowDirectlyInTheDatabaseIsDetectedAndNamed() throws Exception {
        trail.chainPending();
        long victim = someChainedRow();
        String original = jdbc.sql("select actor from audit_entry where id = :id").param("id", victim).query(String.class).single();
        // a superuser can switch the append-only trigger off; only the hash chain can catch this
        asSuperuserWithoutTriggers("update audit_entry set actor = 'mallory' where id = " + victim);
        try {
            AuditTrail.Verification v = trail.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBadId()).isEqualTo(victim);
            assertThat(v.problem()).isEqualTo("hash");
        } finally {
            asSuperuserWithoutTriggers("update audit_entry set actor = '" + original + "' where id = " + victim);
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void deletingARowIsDetectedAsAGap() throws Exception {
        trail.chainPending();
        long victim = someChainedRow();
        long nextId = jdbc.sql("select id from audit_entry where chain_seq = (select chain_seq + 1 from audit_entry where id = :id)")
                .param("id", victim).query(Long.class).single();
        asSuperuserWithoutTriggers("create table audit_backup_test as select * from audit_entry where id = " + victim
                + "; delete from audit_entry where id = " + victim);
        try {
            AuditTrail.Verification v = trail.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.problem()).isEqualTo("gap");
            assertThat(v.firstBadId()).isEqualTo(nextId);
        } finally {
            asSuperuserWithoutTriggers("insert into audit_entry overriding system value select * from audit_backup_test; drop table audit_backup_test");
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void theApplicationCannotUpdateOrDeleteAuditRows() {
        trail.chainPending();
        long row = someChainedRow();
        assertThatThrownBy(() -> jdbc.sql("update audit_entry set actor = 'x' where id = :id").param("id", row).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry where id = :id").param("id", row).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    }

    private long someChainedRow() {
        return jdbc.sql("select id from audit_entry where chain_seq = (select max(chain_seq) / 2 + 1 from audit_entry)")
                .query(Long.class).single();
    }

    /** Runs SQL in one transaction as the database superuser, with triggers disabled. */
    private static void asSuperuserWithoutTriggers(String sql) throws Exception {
        try (Connection c = TestDatabase.connection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("set local session_replication_role = replica");
            s.execute(sql);
            c.commit();
        }
    }
}
