package org.civicloop.opinions.routing;

import java.util.List;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.opinions.domain.OpinionPermissions;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.NotFoundException;
import org.civicloop.shared.TextRules;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 智能派单 as JSON for the congress office: the suggested category and units, best first, and the evidence. */
@RestController
@RequestMapping("/api")
@Tag(name = "routing")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RoutingApi {

    /** The longest text a raw-text suggestion reads (a whole letter; texts of 20,000 characters and more). */
    static final int TEXT_MAX_LENGTH = 50_000;

    private final RoutingSuggestions suggestions;
    private final JdbcClient jdbc;
    private final OpinionPermissions permissions = new OpinionPermissions();

    record Query(@Schema(description = "The text, at most 50,000 characters", maxLength = TEXT_MAX_LENGTH) String text,
                 @Schema(description = "A division code of the place, optional", maxLength = 12) String placeCode) {
    }

    record Unit(long unitId, String unitName, double confidence,
                @Schema(description = "The confidence in words: high, medium or low") String band) {
    }

    record Evidence(@Schema(description = "The routing history row") long id, long unitId, String category) {
    }

    record Routing(@Schema(description = "The suggested category's code, or null") String category,
                   @Schema(description = "Units, best first") List<Unit> units,
                   @Schema(description = "The most similar past matters, most similar first") List<Evidence> evidence) {
    }

    @GetMapping("/opinions/{id}/routing")
    @Operation(summary = "The suggested category and handling units for an opinion, with the evidence (congress office)")
    Routing forOpinion(@PathVariable long id, @AuthenticationPrincipal CivicUser user) {
        office(user);
        boolean exists = jdbc.sql("select exists (select 1 from opinion where id = :id)").param("id", id).query(Boolean.class).single();
        if (!exists) {
            throw new NotFoundException("opinion", id);
        }
        return json(suggestions.forOpinion(id));
    }

    @PostMapping("/opinions/routing")
    @Operation(summary = "The suggested category and handling units for a text not stored (an import's row), with the evidence (congress office)")
    Routing forText(@RequestBody Query body, @AuthenticationPrincipal CivicUser user) {
        office(user);
        String text = body == null ? null : body.text();
        if (TextRules.isBlank(text)) {
            throw BusinessException.invalid("routing.error.text");
        }
        if (TextRules.hasControlCharacters(text, true)) {
            throw BusinessException.invalid("input.error.controlCharacters");
        }
        if (TextRules.length(text) > TEXT_MAX_LENGTH) {
            throw BusinessException.invalid("routing.error.textTooLong", TEXT_MAX_LENGTH);
        }
        String place = body.placeCode() == null || body.placeCode().isBlank() ? null : body.placeCode().strip();
        if (place != null && (place.length() > 12 || !place.chars().allMatch(Character::isDigit))) {
            throw BusinessException.invalid("routing.error.place");
        }
        return json(suggestions.forText(text, place));
    }

    private void office(CivicUser user) {
        if (user == null || !permissions.canDecide(user)) {
            throw new AccessDeniedException("routing");
        }
    }

    private static Routing json(RoutingSuggestions.Suggestion s) {
        return new Routing(s.category(),
                s.units().stream().map(u -> new Unit(u.unitId(), u.unitName(), u.confidence(), u.band())).toList(),
                s.evidence().stream().map(e -> new Evidence(e.id(), e.unitId(), e.category())).toList());
    }
}
