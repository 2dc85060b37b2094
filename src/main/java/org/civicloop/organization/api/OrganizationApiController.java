package org.civicloop.organization.api;

import java.util.List;
import java.util.Set;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.domain.OrganizationQueries.UnitRow;
import org.civicloop.organization.domain.OrganizationQueries;
import org.civicloop.shared.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The organisation as JSON, within the caller's data scope. */
@RestController
@RequestMapping("/api")
@Tag(name = "organization")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class OrganizationApiController {

    private final OrganizationQueries queries;

    record Me(long accountId, String username, String displayName, Long unitId, String unitName, Set<String> roles) {
    }

    record UnitPage(List<UnitRow> items, int page, int size, long total) {
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in account")
    Me me(@AuthenticationPrincipal CivicUser user) {
        return new Me(user.accountId(), user.getUsername(), user.displayName(), user.unitId(), user.unitName(),
                user.roles().stream().map(Enum::name).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
    }

    @GetMapping("/units")
    @Operation(summary = "Units visible to the caller")
    UnitPage units(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String kind,
                   @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                   @AuthenticationPrincipal CivicUser user) {
        int boundedSize = Math.min(Math.max(size, 1), 200);
        var result = queries.units(q, kind, user.dataScope(), Math.max(page, 0), boundedSize);
        return new UnitPage(result.items(), result.page(), result.size(), result.total());
    }

    @GetMapping("/units/{id}")
    @Operation(summary = "One unit, if it is within the caller's data scope")
    UnitRow unit(@PathVariable long id, @AuthenticationPrincipal CivicUser user) {
        return queries.unit(id, user.dataScope()).orElseThrow(() -> new NotFoundException("unit", id));
    }
}
