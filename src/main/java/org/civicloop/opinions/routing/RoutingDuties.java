package org.civicloop.opinions.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.opinions.domain.OpinionPermissions;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.TextRules;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each handling unit is responsible for, in the office's words (from the unit's 三定 duties),
 * and the category it usually takes. Suggestions mix them in as far as the district's history says
 * little about a text, and read them alone when no past matter is near it (cold start; see
 * {@link RoutingSuggestions}). Written by the office on {@code /opinions/routing/duties}; every change
 * is audited, a save that changes nothing is not.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class RoutingDuties {

    /** A duty description's longest length, in characters. */
    public static final int MAX_DUTY = 1000;

    private final Directory directory;
    private final OpinionService opinions;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final OpinionPermissions permissions = new OpinionPermissions();

    /**
     * A handling unit with its duty (empty when none is written) and usual category (null when none), and
     * whether it is a town or street government.
     */
    public record Duty(long unitId, String unitName, boolean townOrStreet, String category, String duty) {
        public boolean written() {
            return !duty.isEmpty();
        }
    }

    /** A town or street government: a unit whose region lies below the district's (属地). */
    public static boolean townOrStreet(Directory.UnitRef unit) {
        return unit.regionCode() != null && unit.regionCode().length() > 6;
    }

    /** A description as written: the unit's, its usual category (or null) and the text. */
    public record Written(long unitId, String category, String duty) {
    }

    /** Every description written, as suggestions read them. */
    @Transactional(readOnly = true)
    public List<Written> written() {
        return jdbc.sql("select unit_id, category, duty from routing_unit_duty").query(Written.class).list();
    }

    /** Every handling unit, in the directory's order, with what is written for it. */
    @Transactional(readOnly = true)
    public List<Duty> all() {
        Map<Long, Written> written = new HashMap<>();
        written().forEach(w -> written.put(w.unitId(), w));
        return directory.handlingUnits().stream().map(u -> {
            Written w = written.get(u.id());
            return new Duty(u.id(), u.name(), townOrStreet(u), w == null ? null : w.category(), w == null ? "" : w.duty());
        }).toList();
    }

    /**
     * Writes a unit's duty and usual category; a blank duty removes what was written (the unit is then
     * suggested from history alone). The category is optional, and when given one of the active ones.
     */
    public void write(long unitId, String category, String duty, CivicUser user) {
        if (!permissions.canDecide(user)) {
            throw new AccessDeniedException("routing");
        }
        if (directory.handlingUnits().stream().noneMatch(u -> u.id() == unitId)) {
            throw BusinessException.invalid("routing.duty.error.unit");
        }
        String text = duty == null ? "" : duty.strip();
        if (TextRules.hasControlCharacters(text, true)) {
            throw BusinessException.invalid("routing.duty.error.control");
        }
        if (TextRules.length(text) > MAX_DUTY) {
            throw BusinessException.invalid("routing.duty.error.tooLong", MAX_DUTY, TextRules.length(text));
        }
        String code = category == null || category.isBlank() ? null : category.strip();
        if (code != null && !opinions.categoryExists(code)) {
            throw BusinessException.invalid("opinion.error.category");
        }
        if (text.isEmpty() && code != null) {
            // a category alone says nothing a suggestion could compare a text with
            throw BusinessException.invalid("routing.duty.error.categoryWithoutDuty");
        }
        Optional<Written> before = jdbc.sql("select unit_id, category, duty from routing_unit_duty where unit_id = :u")
                .param("u", unitId).query(Written.class).optional();
        Written after = text.isEmpty() ? null : new Written(unitId, code, text);
        if (Objects.equals(before.orElse(null), after)) {
            return; // saved again unchanged: nothing to write or audit
        }
        if (text.isEmpty()) {
            jdbc.sql("delete from routing_unit_duty where unit_id = :u").param("u", unitId).update();
        } else {
            jdbc.sql("""
                            insert into routing_unit_duty (unit_id, category, duty) values (:u, :c, :d)
                            on conflict (unit_id) do update set category = excluded.category, duty = excluded.duty""")
                    .param("u", unitId).param("c", code).param("d", text).update();
        }
        events.publishEvent(new RoutingEvents.DutyWritten(unitId, before.map(Written::category).orElse(null),
                before.map(Written::duty).orElse(null), code, text.isEmpty() ? null : text));
    }
}
