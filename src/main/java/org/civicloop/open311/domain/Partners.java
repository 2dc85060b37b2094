package org.civicloop.open311.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.open311.Open311Events.PartnerCreated;
import org.civicloop.open311.Open311Events.PartnerDeactivated;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partner systems and their API keys: create (the key is returned once and only its hash kept),
 * deactivate, list, and recognise a key. Every change publishes an audited event in its transaction.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Partners {

    public static final int NAME_MAX = 40;
    public static final int LIMIT_MAX = 100_000;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    /** A partner as the API sees it once its key is recognised. */
    public record Partner(long id, String name, Integer requestsPerHour) {
    }

    /** A partner as the administrator sees it. */
    public record PartnerRow(long id, String name, boolean active, Integer requestsPerHour, Instant createdAt,
                             Instant deactivatedAt, long requestCount) {
    }

    /** The key is in here, in clear, exactly once. */
    public record CreatedPartner(long id, String name, String apiKey) {
    }

    /** A new partner with a fresh random key. */
    public CreatedPartner create(String name, Integer requestsPerHour) {
        return create(name, ApiKeys.newKey(), requestsPerHour);
    }

    /** A new partner with a given key: only the demo data, whose key is documented, calls this. */
    public CreatedPartner create(String name, String apiKey, Integer requestsPerHour) {
        String clean = name == null ? "" : name.strip();
        List<InvalidInput.Problem> problems = new ArrayList<>();
        if (clean.isEmpty()) {
            problems.add(new InvalidInput.Problem("name", "open311.partner.error.nameRequired"));
        } else if (clean.codePointCount(0, clean.length()) > NAME_MAX
                || clean.codePoints().anyMatch(Character::isISOControl)) {
            problems.add(new InvalidInput.Problem("name", "open311.partner.error.nameTooLong", NAME_MAX));
        } else if (exists(clean)) {
            problems.add(new InvalidInput.Problem("name", "open311.partner.error.nameTaken", clean));
        }
        if (requestsPerHour != null && (requestsPerHour < 1 || requestsPerHour > LIMIT_MAX)) {
            problems.add(new InvalidInput.Problem("requestsPerHour", "open311.partner.error.limit", LIMIT_MAX));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id = jdbc.sql("""
                        insert into open311_partner (name, key_hash, active, requests_per_hour, created_at)
                        values (:name, :hash, true, :limit, :at) returning id""")
                .param("name", clean).param("hash", ApiKeys.hash(apiKey)).param("limit", requestsPerHour)
                .param("at", Timestamp.from(Instant.now()))
                .query(Long.class).single();
        events.publishEvent(new PartnerCreated(id, clean, requestsPerHour));
        return new CreatedPartner(id, clean, apiKey);
    }

    /** From now on the partner's key answers 403. There is no way back: a partner that returns gets a new key. */
    public void deactivate(long id) {
        String name = jdbc.sql("select name from open311_partner where id = :id for update").param("id", id)
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("open311Partner", id));
        int changed = jdbc.sql("update open311_partner set active = false, deactivated_at = :at where id = :id and active")
                .param("at", Timestamp.from(Instant.now())).param("id", id).update();
        if (changed == 0) {
            throw BusinessException.conflict("open311.partner.error.alreadyInactive", name);
        }
        events.publishEvent(new PartnerDeactivated(id, name));
    }

    @Transactional(readOnly = true)
    public boolean exists(String name) {
        return jdbc.sql("select exists (select 1 from open311_partner where name = :name)").param("name", name)
                .query(Boolean.class).single();
    }

    /** The active partner holding this key, if any. */
    @Transactional(readOnly = true)
    public Optional<Partner> authenticate(String apiKey) {
        if (apiKey == null || apiKey.isBlank() || apiKey.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("select id, name, requests_per_hour from open311_partner where key_hash = :hash and active")
                .param("hash", ApiKeys.hash(apiKey.strip()))
                .query(Partner.class).optional();
    }

    @Transactional(readOnly = true)
    public List<PartnerRow> list() {
        return jdbc.sql("""
                        select p.id, p.name, p.active, p.requests_per_hour, p.created_at, p.deactivated_at,
                               (select count(*) from open311_request r where r.partner_id = p.id) as request_count
                        from open311_partner p
                        order by p.active desc, p.created_at desc, p.id desc""")
                .query(PartnerRow.class).list();
    }
}
