package org.civicloop.services.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.services.ServiceCatalogueEvents.ServiceDefinitionSaved;
import org.civicloop.services.ServiceCatalogueEvents.ServiceDefinitionWithdrawn;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue of combined services. Saving checks the whole definition first ({@link
 * DefinitionCheck}) and stores it as a new version only when nothing is wrong, so nothing is ever
 * half-saved; the highest version that is not withdrawn is offered to applicants.
 */
@Service
@RequiredArgsConstructor
public class ServiceCatalogue {

    private final JdbcClient jdbc;
    private final Directory directory;
    private final DefinitionFormat format;
    private final ApplicationEventPublisher events;
    private final CataloguePermissions permissions;

    /** A stored version of a definition. */
    public record StoredDefinition(ServiceDefinition definition, int version, boolean withdrawn) {
    }

    /** Everything wrong with the definition, empty when it may be saved. */
    public List<InvalidInput.Problem> check(ServiceDefinition definition) {
        return DefinitionCheck.problems(definition, unit -> directory.unitIdByName(unit).isPresent());
    }

    /** Saves the definition as its next version, or refuses with every problem and saves nothing. */
    @Transactional
    public int save(ServiceDefinition definition, long actorId) {
        var problems = check(definition);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtext('service_definition:' || :code))")
                .param("code", definition.code()).query().singleRow();
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from service_definition where code = :code")
                .param("code", definition.code()).query(Integer.class).single();
        jdbc.sql("""
                insert into service_definition (code, version, name, body, saved_by, saved_at)
                values (:code, :version, :name, cast(:body as jsonb), :by, :at)""")
                .param("code", definition.code()).param("version", version).param("name", definition.name())
                .param("body", format.write(definition, DefinitionFormat.Kind.JSON))
                .param("by", actorId).param("at", java.sql.Timestamp.from(Instant.now()))
                .update();
        events.publishEvent(new ServiceDefinitionSaved(definition.code(), version, definition.name()));
        return version;
    }

    /**
     * Saves as {@link #save(ServiceDefinition, long)} does, for a user the catalogue's permissions let
     * edit it; anyone else is refused before anything is checked.
     */
    @Transactional
    public int save(ServiceDefinition definition, CivicUser user) {
        if (!permissions.mayEdit(user)) {
            throw new AccessDeniedException("service catalogue");
        }
        return save(definition, user.accountId());
    }

    /** Withdraws as {@link #withdraw(String)} does, for a user the catalogue's permissions let edit it. */
    @Transactional
    public void withdraw(String code, CivicUser user) {
        if (!permissions.mayEdit(user)) {
            throw new AccessDeniedException("service catalogue");
        }
        withdraw(code);
    }

    /** Withdraws the offered version: no new applications; those under way keep their version. */
    @Transactional
    public void withdraw(String code) {
        StoredDefinition current = offered(code).orElseThrow(() -> new NotFoundException("service-definition", code));
        jdbc.sql("update service_definition set withdrawn = true where code = :code and version = :version")
                .param("code", code).param("version", current.version()).update();
        events.publishEvent(new ServiceDefinitionWithdrawn(code, current.version()));
    }

    /** The version offered to applicants: the latest one, unless it was withdrawn. */
    @Transactional(readOnly = true)
    public Optional<StoredDefinition> offered(String code) {
        return latest(code).filter(d -> !d.withdrawn());
    }

    /** The latest version, withdrawn or not (what the administrator edits). */
    @Transactional(readOnly = true)
    public Optional<StoredDefinition> latest(String code) {
        return jdbc.sql("""
                select body::text, version, withdrawn from service_definition
                 where code = :code order by version desc limit 1""")
                .param("code", code).query(this::stored).optional();
    }

    /** A given version: what an application was made under. */
    @Transactional(readOnly = true)
    public Optional<StoredDefinition> version(String code, int version) {
        return jdbc.sql("select body::text, version, withdrawn from service_definition where code = :code and version = :version")
                .param("code", code).param("version", version).query(this::stored).optional();
    }

    /** The latest version of every service, by name. */
    @Transactional(readOnly = true)
    public List<StoredDefinition> all() {
        return jdbc.sql("""
                select distinct on (code) body::text, version, withdrawn, name from service_definition
                 order by code, version desc""")
                .query(this::stored).list().stream()
                .sorted(java.util.Comparator.comparing(s -> s.definition().name()))
                .toList();
    }

    /** One saved version of a definition, newest first in {@link #versions(String)}. */
    public record VersionInfo(int version, String name, Instant savedAt, Long savedBy, boolean withdrawn) {
    }

    /** Every saved version of a service, newest first (empty for an unknown code). */
    @Transactional(readOnly = true)
    public List<VersionInfo> versions(String code) {
        return jdbc.sql("""
                select version, name, saved_at, saved_by, withdrawn from service_definition
                 where code = :code order by version desc""")
                .param("code", code)
                .query((rs, i) -> new VersionInfo(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getObject(4) == null ? null : rs.getLong(4), rs.getBoolean(5)))
                .list();
    }

    private StoredDefinition stored(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new StoredDefinition(format.read(rs.getString(1), DefinitionFormat.Kind.JSON), rs.getInt(2), rs.getBoolean(3));
    }
}
