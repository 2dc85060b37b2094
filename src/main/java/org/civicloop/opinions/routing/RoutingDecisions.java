package org.civicloop.opinions.routing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.opinions.OpinionEvents.OpinionAccepted;
import org.civicloop.opinions.domain.OpinionPermissions;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.civicloop.shared.BusinessException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office's routing decisions: the suggestion it was shown (kept per opinion, so that the choice it
 * then makes, by one click or by the forward form, counts as taken unchanged or not), one click that
 * forwards as suggested through the opinions module's own forward move, and the rule that routes with
 * no person (off unless the office enables it with a threshold; every automatic routing audited).
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class RoutingDecisions {

    /** The rule's actor: routes in the office's name, as the office's rule. */
    static final CivicUser RULE = new CivicUser(0, "routing-rule", "routing-rule", null, null,
            Set.of(Role.CONGRESS_OFFICE), true, null, false, 0, null);

    private final RoutingSuggestions suggestions;
    private final OpinionService opinions;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final OpinionPermissions permissions = new OpinionPermissions();

    public record Rule(boolean enabled, double threshold) {
    }

    /** Remembers what the office was shown for an opinion not yet routed. */
    public void shown(long opinionId, RoutingSuggestions.Suggestion s) {
        var best = s.best();
        jdbc.sql("""
                        insert into routing_suggestion (opinion_id, suggested_unit_id, suggested_category, confidence, suggested_at)
                        values (:o, :u, :c, :conf, now())
                        on conflict (opinion_id) do update set suggested_unit_id = excluded.suggested_unit_id,
                            suggested_category = excluded.suggested_category, confidence = excluded.confidence,
                            suggested_at = excluded.suggested_at
                        where routing_suggestion.decided_at is null""")
                .param("o", opinionId).param("u", best.map(RoutingSuggestions.UnitChoice::unitId).orElse(null))
                .param("c", s.category()).param("conf", best.map(RoutingSuggestions.UnitChoice::confidence).orElse(0.0))
                .update();
    }

    /**
     * One click: the opinion goes to this unit with this category (what the page showed as the
     * suggestion), through the forward move; the category changes first when it differs.
     */
    public long accept(long opinionId, Long unitId, String category, CivicUser user) {
        if (!permissions.canDecide(user)) {
            throw new AccessDeniedException("routing");
        }
        if (unitId == null) {
            throw BusinessException.invalid("opinion.error.unit");
        }
        String previous = jdbc.sql("select category from opinion where id = :id").param("id", opinionId)
                .query(String.class).optional().orElseThrow(() -> new org.civicloop.shared.NotFoundException("opinion", opinionId));
        double confidence = jdbc.sql("select confidence from routing_suggestion where opinion_id = :o and decided_at is null")
                .param("o", opinionId).query(Double.class).optional().orElse(0.0);
        return route(opinionId, unitId, category, previous, confidence, false, null, user);
    }

    private long route(long opinionId, long unitId, String category, String previous, double confidence, boolean automatic,
                       Double threshold, CivicUser user) {
        if (category != null && !category.isBlank() && !category.equals(previous)) {
            if (!opinions.categoryExists(category)) {
                throw BusinessException.invalid("opinion.error.category");
            }
            jdbc.sql("update opinion set category = :c where id = :id").param("c", category).param("id", opinionId).update();
        }
        String chosen = category == null || category.isBlank() ? previous : category;
        long order = opinions.forward(opinionId, unitId, null, user);
        jdbc.sql("update routing_suggestion set automatic = :a where opinion_id = :o").param("a", automatic)
                .param("o", opinionId).update();
        events.publishEvent(new RoutingEvents.RoutedAsSuggested(opinionId, unitId, chosen, previous, confidence, automatic, threshold));
        return order;
    }

    @Transactional(readOnly = true)
    public Rule rule() {
        return jdbc.sql("select enabled, threshold from routing_rule where id = 1").query(Rule.class).single();
    }

    public void changeRule(boolean enabled, Double threshold, CivicUser user) {
        if (!permissions.canDecide(user)) {
            throw new AccessDeniedException("routing");
        }
        if (threshold == null || threshold.isNaN() || threshold < 0.5 || threshold > 1) {
            throw BusinessException.invalid("routing.error.threshold");
        }
        jdbc.sql("update routing_rule set enabled = :e, threshold = :t, updated_at = :at where id = 1")
                .param("e", enabled).param("t", threshold).param("at", Timestamp.from(Instant.now())).update();
        events.publishEvent(new RoutingEvents.RuleChanged(enabled, threshold));
    }

    /**
     * When the office accepts an opinion and has enabled the rule, the opinion goes at once to the
     * suggested unit if the suggestion is at least as confident as the threshold; otherwise it waits
     * for a person, as always.
     */
    @EventListener
    void accepted(OpinionAccepted event) {
        Rule rule = rule();
        if (!rule.enabled()) {
            return;
        }
        long id = event.opinion().value();
        var s = suggestions.forOpinion(id);
        var best = s.best().orElse(null);
        if (best == null || s.coldStart() || best.confidence() < rule.threshold()) {
            return;
        }
        shown(id, s);
        String previous = jdbc.sql("select category from opinion where id = :id").param("id", id).query(String.class).single();
        String category = s.categoryConfidence() >= rule.threshold() ? s.category() : null;
        route(id, best.unitId(), category, previous, best.confidence(), true, rule.threshold(), RULE);
    }
}
