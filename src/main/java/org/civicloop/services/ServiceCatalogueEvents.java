package org.civicloop.services;

import java.util.Map;
import org.civicloop.shared.AuditableEvent;

/** What happens to the catalogue of combined services, in the past tense; every one is audited. */
public final class ServiceCatalogueEvents {

    private ServiceCatalogueEvents() {
    }

    /** An event about one service definition (its code is the audit subject). */
    public sealed interface ServiceDefinitionEvent extends AuditableEvent {
        String code();
        default String subjectType() { return "service-definition"; }
        default String subjectId() { return code(); }
    }

    /** A definition was saved as a new version, which applicants are now offered. */
    public record ServiceDefinitionSaved(String code, int version, String name) implements ServiceDefinitionEvent {
        public String action() { return "service-definition.saved"; }
        public Map<String, Object> after() { return Map.of("version", version, "name", name); }
    }

    /** A definition was withdrawn: no new applications; those under way go on. */
    public record ServiceDefinitionWithdrawn(String code, int version) implements ServiceDefinitionEvent {
        public String action() { return "service-definition.withdrawn"; }
        public Map<String, Object> before() { return Map.of("withdrawn", false); }
        public Map<String, Object> after() { return Map.of("version", version, "withdrawn", true); }
    }
}
