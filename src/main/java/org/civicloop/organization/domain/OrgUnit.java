package org.civicloop.organization.domain;

import java.time.Instant;
import java.util.Map;
import org.civicloop.organization.OrganizationEvents.UnitUpdated;
import org.civicloop.shared.AuditSummary;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** An organisation unit: the congress office, a department, a town government, a service centre. */
@Table("org_unit")
public class OrgUnit {

    @Id
    private Long id;
    private String name;
    private UnitKind kind;
    private String regionCode;
    private Long parentId;
    private boolean handlesItems;
    private boolean active;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Integer version;

    @PersistenceCreator
    OrgUnit(Long id, String name, UnitKind kind, String regionCode, Long parentId, boolean handlesItems,
            boolean active, Instant createdAt, Instant updatedAt, Integer version) {
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.regionCode = regionCode;
        this.parentId = parentId;
        this.handlesItems = handlesItems;
        this.active = active;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    static OrgUnit create(UnitDetails details) {
        Instant now = Instant.now();
        return new OrgUnit(null, details.name().strip(), details.kind(), details.regionCode(), details.parentId(),
                details.handlesItems(), details.active(), now, now, null);
    }

    UnitUpdated update(UnitDetails details) {
        Map<String, Object> before = summary();
        this.name = details.name().strip();
        this.kind = details.kind();
        this.regionCode = details.regionCode();
        this.parentId = details.parentId();
        this.handlesItems = details.handlesItems();
        this.active = details.active();
        this.updatedAt = Instant.now();
        return new UnitUpdated(id, before, summary());
    }

    Map<String, Object> summary() {
        return AuditSummary.of("name", name, "kind", kind.name(), "regionCode", regionCode,
                "parentId", parentId, "handlesItems", handlesItems, "active", active);
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public UnitKind kind() {
        return kind;
    }

    public String regionCode() {
        return regionCode;
    }

    public Long parentId() {
        return parentId;
    }

    public boolean handlesItems() {
        return handlesItems;
    }

    public boolean active() {
        return active;
    }
}
