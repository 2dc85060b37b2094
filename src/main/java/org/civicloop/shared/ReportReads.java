package org.civicloop.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 14, item 5: a report's reads (dashboards, ledgers, exports) that may be served by a PostgreSQL
 * streaming replica when one is configured ({@code civicloop.datasource.replica.*}); without one, by the
 * primary as everything else. A read-only transaction: a write in it fails. Only for reads that may lag the
 * primary by the replica's delay (milliseconds): never on code that must read what its own request just
 * wrote. Called inside a transaction that already runs (a bulletin computed while it is stored), it joins
 * that transaction on the primary.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Transactional(readOnly = true)
public @interface ReportReads {
}
