package org.civicloop.opinions.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.civicloop.suggestions.LinkedOpinionCodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The opinions module answers the suggestions module's questions: which receipt code has this
 * opinion, and may this user open it? The opinion pages ask the second question here too.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class OpinionReceiptCodes implements LinkedOpinionCodes {

    private final JdbcClient jdbc;
    private final OpinionRepository opinions;
    private final OpinionQueries queries;
    private final Addressing addressing;
    private final OpinionPermissions permissions = new OpinionPermissions();

    @Override
    public Set<Long> openableBy(CivicUser user, Collection<Long> opinionIds) {
        return opinionIds.stream().filter(id -> mayOpen(user, id)).collect(Collectors.toSet());
    }

    /** The office and leaders all; the addressee; a unit the opinions it has an order for. */
    public boolean mayOpen(CivicUser user, long opinionId) {
        if (permissions.viewsAll(user)) {
            // no opinion or work order to load: a list of similar opinions asks this on every keystroke
            return true;
        }
        return opinions.findById(opinionId).filter(o -> permissions.canView(user, o, addressing,
                queries.unitHasOrder(opinionId, user.hasRole(Role.HANDLING_UNIT) ? user.unitId() : null))).isPresent();
    }

    @Override
    public Map<Long, String> receiptCodes(Collection<Long> opinionIds) {
        Map<Long, String> codes = new HashMap<>();
        if (opinionIds == null || opinionIds.isEmpty()) {
            return codes;
        }
        jdbc.sql("select id, receipt_code from opinion where id in (:ids)").param("ids", opinionIds)
                .query((rs, n) -> codes.put(rs.getLong("id"), rs.getString("receipt_code"))).list();
        return codes;
    }
}
