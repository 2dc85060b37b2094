package org.civicloop.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures are a database out of reach (503, the form kept), and which are bugs (500). */
class DatabaseOutageCauseTests {

    @Test
    void aRollbackThatFailedAfterTheConnectionWentIsAnOutage() {
        // what TransactionTemplate throws when the work failed for want of a connection and the rollback failed too
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new DataAccessResourceFailureException("no connection"));
        assertThat(DatabaseOutage.causedBy(rollback)).isTrue();
    }

    @Test
    void aRollbackThatFailedAfterAnotherErrorIsNot() {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new DataIntegrityViolationException("duplicate key"));
        assertThat(DatabaseOutage.causedBy(rollback)).isFalse();
        assertThat(DatabaseOutage.causedBy(new TransactionSystemException("commit failed"))).isFalse();
    }
}
