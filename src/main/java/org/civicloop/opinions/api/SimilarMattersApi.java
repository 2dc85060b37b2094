package org.civicloop.opinions.api;

import java.util.List;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.opinions.domain.OpinionPermissions;
import org.civicloop.opinions.domain.SimilarMatters;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.civicloop.shared.MatterScore;
import org.civicloop.shared.TextRules;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Similar matters as JSON: what the triage and recording pages show, for scripts and the quality benchmark. */
@RestController
@RequestMapping("/api")
@Tag(name = "opinions")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SimilarMattersApi {

    private final SimilarMatters similar;
    private final OpinionPermissions permissions = new OpinionPermissions();

    @Schema(description = "A text to compare, at most 20,000 characters; placeCode: the place chosen for it (a region "
            + "code; opinions at another place rank down and are labelled differentPlace); excludeId: an opinion never "
            + "to list (the text's own; its place is the text's when placeCode is not given)")
    record Ask(String text, String placeCode, Long excludeId) {
    }

    @Schema(description = "Matters on file that the text raises again, most similar first; lexicalOnly while the model loads")
    record Answer(boolean lexicalOnly, List<Match> matches) {
    }

    @Schema(description = "One matter: every opinion of it the caller may open, the one to merge into, how many "
            + "(count: the opinions listed; people: who raised it, one phone or e-mail one person, the excluded opinion "
            + "counted when it is part of the matter), the band (SAME: very likely the same matter; RELATED: possibly "
            + "related), the place both texts name, and whether they name different places")
    record Match(List<Long> opinionIds, long leadId, int count, int people, MatterScore.Band band, String place,
                 boolean differentPlace) {
    }

    @PostMapping("/opinions/similar")
    @Operation(summary = "Similar matters to a text, among the opinions the caller may open, in the district and the "
            + "configured time window; an opinion merged or clustered with others is listed once with all its ids")
    Answer similar(@RequestBody Ask ask, @AuthenticationPrincipal CivicUser user) {
        if (!(permissions.canRecord(user) || permissions.viewsAll(user) || user.hasRole(Role.HANDLING_UNIT))) {
            throw new AccessDeniedException("similar");
        }
        String text = ask == null ? null : ask.text();
        TextRules.require(SimilarMatters.TEXT.required(), text);
        SimilarMatters.Result result = similar.find(text, ask.placeCode(), ask.excludeId(), user);
        return new Answer(result.lexicalOnly(), result.matters().stream()
                .map(m -> new Match(m.opinionIds(), m.leadId(), m.count(), m.people(), m.band(), m.place(),
                        m.differentPlace())).toList());
    }
}
