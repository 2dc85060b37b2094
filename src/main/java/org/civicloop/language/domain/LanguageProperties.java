package org.civicloop.language.domain;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The language module's settings ({@code civicloop.language.*}).
 *
 * @param enabled     whether the model loads at all (off: every match is lexical, and pages say so)
 * @param indexDir    where the vector index lives; rebuilt from PostgreSQL when missing or stale
 * @param batchSize   texts embedded per transaction of the backfill (the unit of resumption)
 * @param idlePoll    how often the backfill looks for new texts once it has caught up
 * @param loadDelay   how long after readiness the model starts loading (start-up comes first)
 */
@ConfigurationProperties("civicloop.language")
public record LanguageProperties(@DefaultValue("true") boolean enabled,
                                 @DefaultValue("${civicloop.data-dir:./data}/vectors") Path indexDir,
                                 @DefaultValue("32") int batchSize,
                                 @DefaultValue("5s") Duration idlePoll,
                                 @DefaultValue("0s") Duration loadDelay) {

    public LanguageProperties {
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("civicloop.language.batch-size must be between 1 and 1000");
        }
    }
}
