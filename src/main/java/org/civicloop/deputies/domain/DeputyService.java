package org.civicloop.deputies.domain;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.deputies.DeputyEvents.DeputyCreated;
import org.civicloop.organization.Directory;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.DutyToken;
import org.civicloop.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registering deputies, changing their details, and replacing a duty QR code. */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class DeputyService {

    /** Attempts at a fresh token before giving up: with 59 random bits a second one is already a miracle. */

    private final DeputyRepository deputies;
    private final JdbcClient jdbc;
    private final Directory directory;
    private final ApplicationEventPublisher events;

    /** A new deputy with a fresh random duty token. */
    public long create(DeputyDetails details) {
        return create(details, freshToken());
    }

    /**
     * A new deputy with a token chosen by the caller: codes already printed before CivicLoop (an
     * import) or the documented demo codes. The token must follow {@link DutyToken}'s format.
     */
    public long create(DeputyDetails details, String dutyToken) {
        if (!DutyToken.isWellFormed(dutyToken)) {
            throw BusinessException.invalid("deputy.error.tokenFormat", dutyToken);
        }
        if (tokenTaken(dutyToken)) {
            throw BusinessException.conflict("deputy.error.tokenTaken", dutyToken);
        }
        check(null, details);
        Deputy deputy = deputies.save(Deputy.create(details, dutyToken));
        events.publishEvent(new DeputyCreated(deputy.id(), deputy.summary()));
        return deputy.id();
    }

    public void update(long deputyId, DeputyDetails details) {
        Deputy deputy = get(deputyId);
        check(deputyId, details);
        var event = deputy.update(details);
        deputies.save(deputy);
        if (!event.before().equals(event.after())) {
            events.publishEvent(event);
        }
    }

    /** Replaces the duty token; the old posters stop working at once. Returns the new token. */
    public String regenerateToken(long deputyId) {
        Deputy deputy = get(deputyId);
        var event = deputy.regenerateToken(freshToken());
        deputies.save(deputy);
        events.publishEvent(event);
        return deputy.dutyToken();
    }

    private Deputy get(long deputyId) {
        return deputies.findById(deputyId).orElseThrow(() -> new NotFoundException("deputy", deputyId));
    }

    private void check(Long deputyId, DeputyDetails details) {
        if (directory.place(details.regionCode()).isEmpty()) {
            throw BusinessException.invalid("deputy.error.unknownRegion", details.regionCode());
        }
        if (details.accountId() != null) {
            if (directory.accountDisplayName(details.accountId()).isEmpty()) {
                throw new NotFoundException("account", details.accountId());
            }
            var holder = jdbc.sql("""
                            select name from deputy where account_id = :account
                            and (cast(:id as bigint) is null or id <> :id)""")
                    .param("account", details.accountId()).param("id", deputyId).query(String.class).optional();
            if (holder.isPresent()) {
                throw BusinessException.conflict("deputy.error.accountTaken", holder.get());
            }
        }
    }

    private String freshToken() {
        return DutyToken.generateUnused(this::tokenTaken);
    }

    private boolean tokenTaken(String token) {
        return jdbc.sql("select exists (select 1 from deputy where duty_token = :t)").param("t", token)
                .query(Boolean.class).single();
    }
}
