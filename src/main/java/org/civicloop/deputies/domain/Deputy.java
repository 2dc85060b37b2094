package org.civicloop.deputies.domain;

import java.time.Instant;
import java.util.Map;
import org.civicloop.deputies.DeputyEvents.DeputyDutyTokenRegenerated;
import org.civicloop.deputies.DeputyEvents.DeputyUpdated;
import org.civicloop.shared.AuditSummary;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A deputy of a people's congress on the district's roster. */
@Table("deputy")
public class Deputy {

    @Id
    private Long id;
    private String name;
    private DeputyLevel level;
    private String constituency;
    private String regionCode;
    private String sector;
    private String phone;
    private DeputyStatus status;
    private Long accountId;
    private String dutyToken;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Integer version;

    @PersistenceCreator
    Deputy(Long id, String name, DeputyLevel level, String constituency, String regionCode, String sector,
           String phone, DeputyStatus status, Long accountId, String dutyToken, Instant createdAt, Instant updatedAt,
           Integer version) {
        this.id = id;
        this.name = name;
        this.level = level;
        this.constituency = constituency;
        this.regionCode = regionCode;
        this.sector = sector;
        this.phone = phone;
        this.status = status;
        this.accountId = accountId;
        this.dutyToken = dutyToken;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    static Deputy create(DeputyDetails details, String dutyToken) {
        Instant now = Instant.now();
        Deputy deputy = new Deputy(null, null, null, null, null, null, null, null, null, dutyToken, now, now, null);
        deputy.apply(details);
        return deputy;
    }

    DeputyUpdated update(DeputyDetails details) {
        Map<String, Object> before = summary();
        apply(details);
        this.updatedAt = Instant.now();
        return new DeputyUpdated(id, before, summary());
    }

    DeputyDutyTokenRegenerated regenerateToken(String newToken) {
        String old = dutyToken;
        this.dutyToken = newToken;
        this.updatedAt = Instant.now();
        return new DeputyDutyTokenRegenerated(id, old, newToken);
    }

    private void apply(DeputyDetails details) {
        this.name = details.name().strip();
        this.level = details.level();
        this.constituency = details.constituency().strip();
        this.regionCode = details.regionCode();
        this.sector = blankToNull(details.sector());
        this.phone = blankToNull(details.phone());
        this.status = details.status();
        this.accountId = details.accountId();
    }

    Map<String, Object> summary() {
        return AuditSummary.of("name", name, "level", level.name(), "constituency", constituency,
                "regionCode", regionCode, "sector", sector, "phone", AuditSummary.maskedPhone(phone),
                "status", status.name(), "accountId", accountId, "dutyToken", dutyToken);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
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

    public DeputyStatus status() {
        return status;
    }
}
