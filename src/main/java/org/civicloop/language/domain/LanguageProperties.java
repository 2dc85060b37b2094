package org.civicloop.language.domain;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The language module's settings ({@code civicloop.language.*}).
 *
 * @param enabled     whether the model loads at all (off: every match is lexical, and pages say so)
 * @param indexDir    where the vector index lives (unset: {@code <data-dir>/vectors}); rebuilt from PostgreSQL when missing or stale
 * @param batchSize   texts embedded per transaction of the backfill (the unit of resumption)
 * @param idlePoll    how often the backfill looks for new texts once it has caught up
 * @param loadDelay   how long after readiness the model starts loading (start-up comes first)
 * @param threads     threads one embedding may take (0: ONNX Runtime's default, one per core). One: two similar
 *                    checks at once on two cores answered p95 38-53 ms instead of 63-79 (each embedding's
 *                    threads waited for the other's), one alone 30 instead of 39 ms ({@code docs/benchmarks.md})
 */
@ConfigurationProperties("civicloop.language")
public record LanguageProperties(@DefaultValue("true") boolean enabled,
                                 Path indexDir,
                                 @DefaultValue("32") int batchSize,
                                 @DefaultValue("5s") Duration idlePoll,
                                 @DefaultValue("0s") Duration loadDelay,
                                 @DefaultValue("1") int threads) {

    public LanguageProperties {
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("civicloop.language.batch-size must be between 1 and 1000");
        }
        if (threads < 0) {
            throw new IllegalArgumentException("civicloop.language.threads must be 0 (ONNX Runtime's default) or more");
        }
    }
}
