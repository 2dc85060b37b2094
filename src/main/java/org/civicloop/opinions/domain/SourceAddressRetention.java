package org.civicloop.opinions.domain;

import java.sql.Timestamp;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clears the address (IP) an opinion was sent from once {@code civicloop.privacy.ip-retention} has
 * passed since it was submitted: the address serves abuse handling for a while, it is not kept for
 * ever. Idempotent: a second run at the same time clears nothing; an address a concurrent staff
 * action happened to write back is cleared by the next run.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SourceAddressRetention {

    static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final PrivacyProperties properties;

    /** Clears up to {@value #BATCH} addresses of opinions submitted before {@code now - ip-retention}; returns how many. */
    public int clearExpired(Instant now) {
        Instant cutoff = now.minus(properties.ipRetention());
        return jdbc.sql("""
                        update opinion set source_ip = null
                         where id in (select id from opinion
                                       where source_ip is not null and submitted_at < :cutoff
                                       order by id limit :batch)""")
                .param("cutoff", Timestamp.from(cutoff)).param("batch", BATCH).update();
    }
}
