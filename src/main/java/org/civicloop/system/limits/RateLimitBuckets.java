package org.civicloop.system.limits;

import java.time.Duration;
import java.time.Instant;
import org.civicloop.shared.RateLimit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Issue 14, item 3: every {@link RateLimit} held in a bean's field keeps its token buckets in PostgreSQL
 * ({@code rate_limit_bucket}) under the name {@code Bean.field}, so that all nodes on one database share one
 * allowance. A take is one atomic {@code INSERT ... ON CONFLICT DO UPDATE}, sent on its own, outside any
 * transaction of the caller: PostgreSQL commits it as soon as it has run, so the row lock is held inside the
 * database only, never across a round trip to this node or a caller's whole request. The bucket refills
 * greedily by the time since its last change, on the database's clock, so nodes whose clocks differ agree.
 * The callers do not change: they still call {@link RateLimit#take}.
 */
@Component
class RateLimitBuckets implements BeanPostProcessor, RateLimit.Store {

    private final ObjectProvider<JdbcClient> jdbc;
    private final ObjectProvider<PlatformTransactionManager> transactions;
    private volatile TransactionTemplate outside;

    RateLimitBuckets(ObjectProvider<JdbcClient> jdbc, ObjectProvider<PlatformTransactionManager> transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        Class<?> type = ClassUtils.getUserClass(bean);
        if (type.getName().startsWith("org.civicloop.")) {
            ReflectionUtils.doWithFields(type, field -> {
                ReflectionUtils.makeAccessible(field);
                if (ReflectionUtils.getField(field, bean) instanceof RateLimit limit) {
                    limit.bind(this, type.getSimpleName() + "." + field.getName());
                }
            }, field -> field.getType() == RateLimit.class);
        }
        return bean;
    }

    @Override
    public long take(String limit, String key, int capacity, Duration period) {
        double seconds = Math.max(0.001, period.toMillis() / 1000.0);
        double perSecond = capacity / seconds;
        // Not in a transaction of its own (BEGIN, the statement, COMMIT): the row stayed locked from the
        // statement until the COMMIT arrived, a round trip through this node's busy threads later. Every
        // submission from one address (a carrier's NAT on a market morning, the benchmark's 64 clients) waits
        // for that lock: 17.5 ms per take on average at 64 clients (pg_stat_statements, 2026-12-06). Sent alone,
        // the statement is its own transaction, committed by PostgreSQL as it ends; and a token taken is not
        // worth a disk flush (a crash forgets a few tokens at most), hence synchronous_commit off for it.
        Bucket bucket = outsideTransactions().execute(status -> jdbc.getObject().sql("""
                        insert into rate_limit_bucket as b (limit_name, bucket_key, tokens, refilled_at, taken, expires_at)
                        select :limit, :key, :capacity - 1, now(), :capacity >= 1, now() + make_interval(secs => :seconds)
                        from (select set_config('synchronous_commit', 'off', true)) as without_flush
                        on conflict (limit_name, bucket_key) do update set
                            tokens = case
                                when least(:capacity, b.tokens + greatest(0, extract(epoch from now() - b.refilled_at)::float8) * :rate) >= 1
                                then least(:capacity, b.tokens + greatest(0, extract(epoch from now() - b.refilled_at)::float8) * :rate) - 1
                                else least(:capacity, b.tokens + greatest(0, extract(epoch from now() - b.refilled_at)::float8) * :rate) end,
                            taken = least(:capacity, b.tokens + greatest(0, extract(epoch from now() - b.refilled_at)::float8) * :rate) >= 1,
                            refilled_at = greatest(b.refilled_at, now()),
                            expires_at = now() + make_interval(secs => :seconds)
                        returning taken, tokens""")
                .param("limit", limit)
                .param("key", key.length() > 300 ? key.substring(0, 300) : key)
                .param("capacity", (double) capacity)
                .param("rate", perSecond)
                .param("seconds", seconds)
                .query((rs, n) -> new Bucket(rs.getBoolean(1), rs.getDouble(2)))
                .single());
        if (bucket.taken()) {
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - bucket.tokens()) / perSecond * 1_000_000_000L));
    }

    /** Removes buckets that are full again and windows that are closed: they hold nothing a new row would not. */
    int purgeExpired(Instant now) {
        JdbcClient client = jdbc.getObject();
        return client.sql("delete from rate_limit_bucket where expires_at < :now").param("now", org.civicloop.shared.SqlTimes.timestamp(now)).update()
                + client.sql("delete from sign_in_failure_window where expires_at < :now").param("now", org.civicloop.shared.SqlTimes.timestamp(now)).update();
    }

    /** Suspends a caller's transaction, if any: the take runs on a connection of its own, in autocommit. */
    private TransactionTemplate outsideTransactions() {
        TransactionTemplate template = outside;
        if (template == null) {
            template = new TransactionTemplate(transactions.getObject());
            template.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
            outside = template;
        }
        return template;
    }

    private record Bucket(boolean taken, double tokens) {
    }
}
