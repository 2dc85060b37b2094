package org.civicloop.liaison.domain;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.deputies.Deputies;
import org.civicloop.liaison.LiaisonEvents.SiteCreated;
import org.civicloop.organization.Directory;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.DutyToken;
import org.civicloop.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opening and changing liaison sites, their resident deputies, and replacing a site's duty QR code. */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SiteService {

    private final LiaisonSiteRepository sites;
    private final JdbcClient jdbc;
    private final Directory directory;
    private final Deputies deputies;
    private final ApplicationEventPublisher events;

    public long create(SiteDetails details) {
        return create(details, freshToken());
    }

    /** A new site with a token chosen by the caller (an import of printed codes, the documented demo codes). */
    public long create(SiteDetails details, String dutyToken) {
        if (!DutyToken.isWellFormed(dutyToken)) {
            throw BusinessException.invalid("site.error.tokenFormat", dutyToken);
        }
        if (tokenTaken(dutyToken)) {
            throw BusinessException.conflict("site.error.tokenTaken", dutyToken);
        }
        check(null, details);
        LiaisonSite site = sites.save(LiaisonSite.create(details, dutyToken));
        events.publishEvent(new SiteCreated(site.id(), site.summary()));
        return site.id();
    }

    public void update(long siteId, SiteDetails details) {
        LiaisonSite site = get(siteId);
        check(siteId, details);
        var event = site.update(details);
        sites.save(site);
        if (!event.before().equals(event.after())) {
            events.publishEvent(event);
        }
    }

    /** Replaces the duty token; posters with the old one stop working at once. Returns the new token. */
    public String regenerateToken(long siteId) {
        LiaisonSite site = get(siteId);
        var event = site.regenerateToken(freshToken());
        sites.save(site);
        events.publishEvent(event);
        return site.dutyToken();
    }

    private LiaisonSite get(long siteId) {
        return sites.findById(siteId).orElseThrow(() -> new NotFoundException("site", siteId));
    }

    private void check(Long siteId, SiteDetails details) {
        if (directory.place(details.regionCode()).isEmpty()) {
            throw BusinessException.invalid("site.error.unknownRegion", details.regionCode());
        }
        if (details.staffUnitId() != null && directory.unitName(details.staffUnitId()).isEmpty()) {
            throw BusinessException.invalid("site.error.unknownUnit", details.staffUnitId());
        }
        for (long deputyId : details.deputyIds()) {
            if (deputies.find(deputyId).isEmpty()) {
                throw BusinessException.invalid("site.error.unknownDeputy", deputyId);
            }
        }
        boolean nameTaken = jdbc.sql("""
                        select exists (select 1 from liaison_site where region_code = :region and name = :name
                                       and (cast(:id as bigint) is null or id <> :id))""")
                .param("region", details.regionCode()).param("name", details.name().strip()).param("id", siteId)
                .query(Boolean.class).single();
        if (nameTaken) {
            throw BusinessException.conflict("site.error.nameTaken", details.name().strip());
        }
    }

    /**
     * A random token no site holds and no serving deputy holds, so that {@code /o/{token}} names one
     * subject. (Deputies cannot see sites, so a deputy's new token is checked against deputies only;
     * with 59 random bits a clash is not a practical event either way.)
     */
    private String freshToken() {
        return DutyToken.generateUnused(this::tokenTaken);
    }

    private boolean tokenTaken(String token) {
        return jdbc.sql("select exists (select 1 from liaison_site where duty_token = :t)").param("t", token)
                .query(Boolean.class).single()
                || deputies.byDutyToken(token).isPresent();
    }
}
