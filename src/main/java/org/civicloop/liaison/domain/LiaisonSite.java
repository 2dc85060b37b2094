package org.civicloop.liaison.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.civicloop.liaison.LiaisonEvents.SiteDutyTokenRegenerated;
import org.civicloop.liaison.LiaisonEvents.SiteUpdated;
import org.civicloop.shared.AuditSummary;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A site of the liaison network with its resident deputies. */
@Table("liaison_site")
public class LiaisonSite {

    @Id
    private Long id;
    private String name;
    private SiteType type;
    private String regionCode;
    private String address;
    private Long staffUnitId;
    private String receptionSchedule;
    private boolean active;
    private String dutyToken;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Integer version;
    @MappedCollection(idColumn = "site_id")
    private Set<ResidentDeputy> residents;

    @PersistenceCreator
    LiaisonSite(Long id, String name, SiteType type, String regionCode, String address, Long staffUnitId,
                String receptionSchedule, boolean active, String dutyToken, Instant createdAt, Instant updatedAt,
                Integer version, Set<ResidentDeputy> residents) {
        this.id = id;
        this.name = name;
        this.type = type;
        this.regionCode = regionCode;
        this.address = address;
        this.staffUnitId = staffUnitId;
        this.receptionSchedule = receptionSchedule;
        this.active = active;
        this.dutyToken = dutyToken;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
        this.residents = residents == null ? Set.of() : residents;
    }

    static LiaisonSite create(SiteDetails details, String dutyToken) {
        Instant now = Instant.now();
        LiaisonSite site = new LiaisonSite(null, null, null, null, null, null, null, true, dutyToken, now, now, null, null);
        site.apply(details);
        return site;
    }

    SiteUpdated update(SiteDetails details) {
        Map<String, Object> before = summary();
        apply(details);
        this.updatedAt = Instant.now();
        return new SiteUpdated(id, before, summary());
    }

    SiteDutyTokenRegenerated regenerateToken(String newToken) {
        String old = dutyToken;
        this.dutyToken = newToken;
        this.updatedAt = Instant.now();
        return new SiteDutyTokenRegenerated(id, old, newToken);
    }

    private void apply(SiteDetails details) {
        this.name = details.name().strip();
        this.type = details.type();
        this.regionCode = details.regionCode();
        this.address = details.address().strip();
        this.staffUnitId = details.staffUnitId();
        this.receptionSchedule = details.receptionSchedule() == null || details.receptionSchedule().isBlank()
                ? null : details.receptionSchedule().strip();
        this.active = details.active();
        this.residents = details.deputyIds().stream().map(ResidentDeputy::new).collect(Collectors.toSet());
    }

    Map<String, Object> summary() {
        String deputyIds = residents.stream().map(r -> r.deputyId()).collect(Collectors.toCollection(TreeSet::new))
                .stream().map(String::valueOf).collect(Collectors.joining(","));
        return AuditSummary.of("name", name, "type", type.name(), "regionCode", regionCode, "address", address,
                "staffUnitId", staffUnitId, "receptionSchedule", receptionSchedule, "active", active,
                "deputyIds", deputyIds, "dutyToken", dutyToken);
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String dutyToken() {
        return dutyToken;
    }
}
