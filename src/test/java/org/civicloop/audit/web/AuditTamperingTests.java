package org.civicloop.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.civicloop.audit.AuditTrail;
import org.civicloop.audit.domain.IsolatedAuditChain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.dao.DataAccessException;

/**
 * Issue 15, item 1: someone who can reach the database rewrites an audit row and tries to have
 * the chain re-sealed. Each test attacks a chain of its own (its own database, key and checkpoint
 * file) and runs {@code verify-audit} as an operator would.
 */
class AuditTamperingTests {

    @TempDir
    Path dir;
    IsolatedAuditChain chain;

    @BeforeEach
    void sixLinkedRowsAndACheckpoint() throws Exception {
        chain = IsolatedAuditChain.create(dir, null);
        for (int i = 1; i <= 6; i++) {
            chain.record("office", "account.updated");
        }
        assertThat(chain.trail().chainPending()).isEqualTo(6);
        assertThat(chain.trail().checkpoint()).isTrue();
    }

    @Test
    void theKeyIsCreatedOwnerOnlyAndTheChainIsKeyed() throws Exception {
        assertThat(Files.getPosixFilePermissions(chain.keyFile())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(chain.checkpointFile())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(chain.jdbc().sql("select keyed_from from audit_chain_epoch").query(Long.class).single()).isEqualTo(1L);
        Output out = verifyAudit(chain.restarted());
        assertThat(out.exit).isZero();
        assertThat(out.text).contains("audit chain intact: 6 rows verified, 0 not yet chained, 1 checkpoints compared");
        // the same chain verified under another key does not hold: the hashes need the key
        AuditTrail.Verification other = chain.withKey(new byte[32]).verify();
        assertThat(other.intact()).isFalse();
        assertThat(other.problem()).isEqualTo("key");
        assertThat(chain.withKey(new byte[32]).chainPending()).as("a node with another key links nothing").isZero();
    }

    /** The attack of issue 15, step by step: forge the actor, clear the chain columns, let the app run. */
    @Test
    void aForgedRowWhoseChainColumnsWereClearedIsNeverReLinked() throws Exception {
        long forged = chain.jdbc().sql("select id from audit_entry where chain_seq = 3").query(Long.class).single();
        chain.asSuperuserWithoutTriggers("update audit_entry set actor = 'mallory' where id = " + forged
                + "; update audit_entry set chain_seq = null, prev_hash = null, hash = null where chain_seq >= 3");
        chain.record("office", "account.locked"); // work goes on

        // the running app: it still knows the head it linked, and will not link on top of a chain that lost it
        assertThat(chain.trail().chainPending()).isZero();
        // after a restart it knows only the checkpoint file, which is enough
        assertThat(chain.restarted().chainPending()).isZero();
        assertThat(chain.jdbc().sql("select count(*) from audit_entry where chain_seq is null").query(Long.class).single())
                .isEqualTo(5L);

        Output out = verifyAudit(chain.restarted());
        assertThat(out.exit).isEqualTo(1);
        assertThat(out.text).contains("audit chain BROKEN at chain position 3: truncated");
    }

    @Test
    void aForgedRowReSealedWithPlainSha256IsDetectedByItsKeyedHash() throws Exception {
        long forged = chain.jdbc().sql("select id from audit_entry where chain_seq = 3").query(Long.class).single();
        chain.asSuperuserWithoutTriggers("update audit_entry set actor = 'mallory' where id = " + forged);
        chain.resealUnkeyedFrom(3);
        Output out = verifyAudit(chain.restarted());
        assertThat(out.exit).isEqualTo(1);
        assertThat(out.text).contains("audit chain BROKEN at row id " + forged + " (chain position 3): hash");
    }

    @Test
    void truncatingTheChainIsDetectedByTheCheckpoint() throws Exception {
        chain.asSuperuserWithoutTriggers("delete from audit_entry where chain_seq >= 5");
        assertThat(chain.restarted().chainPending()).isZero();
        AuditTrail.Verification v = chain.restarted().verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.problem()).isEqualTo("truncated");
        assertThat(v.firstBadSeq()).isEqualTo(5L);
        assertThat(v.checked()).isEqualTo(4);
        assertThat(verifyAudit(chain.restarted()).exit).isEqualTo(1);
    }

    @Test
    void aForgedOrEditedCheckpointLineIsDetected() throws Exception {
        List<String> lines = Files.readAllLines(chain.checkpointFile());
        Files.writeString(chain.checkpointFile(), lines.get(0).replaceFirst(" 6 ", " 9 ") + "\n");
        AuditTrail.Verification v = chain.restarted().verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.problem()).isEqualTo("checkpoints");
    }

    @Test
    void theTriggerRefusesToClearOrRewriteChainColumns() {
        assertThatThrownBy(() -> chain.jdbc().sql("update audit_entry set chain_seq = null, prev_hash = null, hash = null "
                + "where chain_seq >= 3").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("never cleared");
        assertThatThrownBy(() -> chain.jdbc().sql("update audit_entry set hash = repeat('0', 64) where chain_seq = 6").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> chain.jdbc().sql("""
                        insert into audit_entry (occurred_at, actor, module, action, subject_type, subject_id, chain_seq, hash)
                        values (now(), 'mallory', 'x', 'x', 'x', 'x', 99, repeat('0', 64))""").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("arrives unchained");
        assertThatThrownBy(() -> chain.jdbc().sql("update audit_chain_epoch set keyed_from = 99").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("fixed once written");
        assertThat(chain.restarted().verify().intact()).isTrue();
    }

    @Test
    void ordinaryWorkAfterACheckpointStaysIntactAcrossRestarts() throws Exception {
        chain.record("deputy", "opinion.submitted");
        assertThat(chain.restarted().chainPending()).isEqualTo(1);
        assertThat(chain.trail().checkpoint()).isTrue();
        assertThat(chain.trail().checkpoint()).as("nothing moved: no line").isFalse();
        assertThat(Files.readAllLines(chain.checkpointFile())).hasSize(2);
        assertThat(verifyAudit(chain.restarted()).exit).isZero();
    }

    /**
     * An installation upgraded from the unkeyed chain: its old rows keep their SHA-256 hashes and
     * still verify; rows linked after the upgrade are keyed; re-sealing the old rows (all an
     * attacker can compute) is caught by the first keyed link and by the checkpoints.
     */
    @Test
    void anUpgradedChainKeepsItsUnkeyedRowsAndProtectsThem(@TempDir Path upgraded) throws Exception {
        IsolatedAuditChain old = IsolatedAuditChain.create(upgraded, "3");
        for (int i = 0; i < 4; i++) {
            old.record("office", "account.updated");
        }
        old.chainUnkeyed();
        old.migrate(null);
        assertThat(old.jdbc().sql("select keyed_from from audit_chain_epoch").query(Long.class).single()).isEqualTo(5L);
        assertThat(old.trail().verify().intact()).as("the unkeyed rows verify as before").isTrue();
        old.trail().checkpoint();
        old.record("office", "account.locked");
        assertThat(old.trail().chainPending()).isEqualTo(1);
        assertThat(old.restarted().verify().intact()).isTrue();

        long forged = old.jdbc().sql("select id from audit_entry where chain_seq = 2").query(Long.class).single();
        old.asSuperuserWithoutTriggers("update audit_entry set actor = 'mallory' where id = " + forged);
        old.resealUnkeyedFrom(2);
        AuditTrail.Verification v = old.restarted().verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadSeq()).as("the re-sealed plain rows no longer fit the keyed row after them").isEqualTo(4L);
        assertThat(v.problem()).isEqualTo("resealed");
    }

    record Output(int exit, String text) {
    }

    private static Output verifyAudit(AuditTrail trail) {
        VerifyAuditCommand command = new VerifyAuditCommand(trail);
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            command.run(new DefaultApplicationArguments("verify-audit"));
        } finally {
            System.setOut(original);
        }
        return new Output(command.getExitCode(), out.toString(StandardCharsets.UTF_8));
    }
}
