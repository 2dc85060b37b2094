package org.civicloop.opinions.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.civicloop.shared.InvalidInput;
import org.civicloop.suggestions.LinkedOpinionCodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The opinions module answers the suggestions module's questions: which receipt code has this
 * opinion, may this user open it, which opinions do these codes name and may a suggestion take them
 * up? The opinion pages ask the second question here too.
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

    @Override
    public List<Long> opinionsToTakeUp(List<String> typedCodes, Long suggestionId) {
        List<Long> ids = new ArrayList<>();
        List<InvalidInput.Problem> problems = new ArrayList<>();
        for (String typed : typedCodes) {
            Optional<Opinion> found = ReceiptCodes.normalise(typed)
                    .flatMap(code -> jdbc.sql("select id from opinion where receipt_code = :c").param("c", code)
                            .query(Long.class).optional())
                    .flatMap(opinions::findById);
            if (found.isEmpty()) {
                problems.add(new InvalidInput.Problem("opinions", "opinion.error.link.unknown", typed.strip()));
                continue;
            }
            Opinion o = found.get();
            o.linkRefusal(suggestionId).ifPresentOrElse(
                    key -> problems.add(new InvalidInput.Problem("opinions", key, o.receiptCode())),
                    () -> {
                        if (!ids.contains(o.id())) {
                            ids.add(o.id());
                        }
                    });
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return ids;
    }

    @Override
    public Optional<DraftSource> draftSource(long opinionId, CivicUser user) {
        if (!mayOpen(user, opinionId)) {
            return Optional.empty();
        }
        return opinions.findById(opinionId).map(o -> new DraftSource(o.receiptCode(), o.content(), o.category()));
    }
}
