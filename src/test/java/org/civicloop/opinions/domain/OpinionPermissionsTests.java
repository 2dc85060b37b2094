package org.civicloop.opinions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.junit.jupiter.api.Test;

/**
 * What each viewer is offered on an opinion's staff page, in memory: the rules written out by hand
 * from the roles (domain research 2: triage by the office or the addressee, work orders handled by
 * their unit, returns and extensions decided by the office), for each status of the opinion and of
 * its work orders. The last tests take every offered action on the aggregates, so that a page never
 * offers what the move then refuses.
 */
class OpinionPermissionsTests {

    static final long HOUSING = 10;
    static final long EDUCATION = 20;
    static final long ADDRESSEE_ACCOUNT = 3;
    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    static final CivicUser OFFICE = user(1, Role.CONGRESS_OFFICE, null);
    static final CivicUser ADDRESSEE = user(ADDRESSEE_ACCOUNT, Role.DEPUTY, null);
    static final CivicUser OTHER_DEPUTY = user(4, Role.DEPUTY, null);
    static final CivicUser HOUSING_UNIT = user(5, Role.HANDLING_UNIT, HOUSING);
    static final CivicUser EDUCATION_UNIT = user(6, Role.HANDLING_UNIT, EDUCATION);
    static final CivicUser LEADER = user(7, Role.LEADER, null);
    static final CivicUser ADMIN = user(8, Role.ADMIN, null);
    static final CivicUser STATION = user(9, Role.STATION_STAFF, 99L);
    static final List<CivicUser> EVERYONE = List.of(OFFICE, ADDRESSEE, OTHER_DEPUTY, HOUSING_UNIT, EDUCATION_UNIT, LEADER, ADMIN,
            STATION);

    final OpinionPermissions permissions = new OpinionPermissions();

    /** The opinion was addressed to one deputy's duty code: that deputy's account. */
    static final Addressing ADDRESSED_TO_ONE_DEPUTY = new Addressing() {
        @Override
        public boolean isAddressedTo(CivicUser user, Opinion opinion) {
            return user.accountId() == ADDRESSEE_ACCOUNT;
        }

        @Override
        public Optional<Addressee> byToken(String token) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Addressee> find(AddresseeKind kind, long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Addressee> recordableBy(CivicUser user) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Addressees of(CivicUser user) {
            throw new UnsupportedOperationException();
        }
    };

    // ---------------------------------------------------------------- the opinion and its work orders

    static Opinion opinion(OpinionStatus status) {
        return opinion(100L, status);
    }

    static Opinion opinion(long id, OpinionStatus status) {
        return new Opinion(id, "HX260302AB", Channel.QR, AddresseeKind.DEPUTY, 7L, "URBAN", "The bus stop has no roof.",
                "520111100", null, "520111", null, null, null, null, status, null, null,
                status == OpinionStatus.MERGED ? 101L : null, null, null, null, null, null, null, 0, null, null, null,
                NOW, NOW, null, 0);
    }

    static WorkOrder order(long id, long unitId, int round, WorkOrderStatus status) {
        boolean signed = status != WorkOrderStatus.ASSIGNED;
        return new WorkOrder(id, 100L, unitId, round, status, null, NOW, "office", signed ? NOW : null,
                status == WorkOrderStatus.RETURN_REQUESTED ? "not ours" : null,
                status == WorkOrderStatus.EXTENSION_REQUESTED ? 5 : null,
                status == WorkOrderStatus.EXTENSION_REQUESTED ? "needs a budget" : null, null, null, null, 0);
    }

    private OpinionActions actions(CivicUser user, Opinion o, WorkOrder... orders) {
        return permissions.actionsFor(user, o, ADDRESSED_TO_ONE_DEPUTY, List.of(orders));
    }

    /** The opinion's own actions offered to this user. */
    private Set<String> offered(CivicUser user, Opinion o) {
        OpinionActions a = actions(user, o);
        return named(Map.of("triage", a.triage(), "unmerge", a.unmerge(), "route", a.route(), "toSuggestion", a.toSuggestion()));
    }

    /** The actions on work order {@code w} offered to this user. */
    private Set<String> offered(CivicUser user, WorkOrder w) {
        OpinionActions.WorkOrderActions a = actions(user, opinion(OpinionStatus.HANDLING), w).order(w.id());
        return named(Map.of("sign", a.sign(), "requestReturn", a.requestReturn(), "requestExtension", a.requestExtension(),
                "reply", a.reply(), "recordContact", a.recordContact(), "decideReturn", a.decideReturn(),
                "decideExtension", a.decideExtension()));
    }

    private static Set<String> named(Map<String, Boolean> offered) {
        Set<String> names = new TreeSet<>();
        offered.forEach((name, on) -> {
            if (on) {
                names.add(name);
            }
        });
        return names;
    }

    @Test
    void theOfficeAndTheAddresseeTriageANewOpinionAndNobodyElse() {
        Opinion o = opinion(OpinionStatus.SUBMITTED);
        assertThat(offered(OFFICE, o)).containsExactly("triage");
        assertThat(offered(ADDRESSEE, o)).containsExactly("triage");
        for (CivicUser other : List.of(OTHER_DEPUTY, HOUSING_UNIT, LEADER, ADMIN, STATION)) {
            assertThat(offered(other, o)).as("user " + other.accountId()).isEmpty();
        }
    }

    @Test
    void aMergedOpinionMayBeUnmergedAndAnAcceptedOneRouted() {
        assertThat(offered(OFFICE, opinion(OpinionStatus.MERGED))).containsExactly("unmerge");
        assertThat(offered(ADDRESSEE, opinion(OpinionStatus.MERGED))).containsExactly("unmerge");
        assertThat(offered(OFFICE, opinion(OpinionStatus.ACCEPTED))).containsExactly("route");
        assertThat(offered(ADDRESSEE, opinion(OpinionStatus.ACCEPTED))).containsExactly("route", "toSuggestion");
        assertThat(offered(LEADER, opinion(OpinionStatus.ACCEPTED))).isEmpty();
        assertThat(offered(OTHER_DEPUTY, opinion(OpinionStatus.MERGED))).isEmpty();
    }

    /** 转为代表建议 opens a new suggestion, which only a deputy drafts: the office and station staff are not offered it. */
    @Test
    void onlyADeputyItIsAddressedToIsOfferedToTakeAnAcceptedOpinionUpInASuggestion() {
        CivicUser stationAddressee = user(ADDRESSEE_ACCOUNT, Role.STATION_STAFF, 99L);
        assertThat(offered(stationAddressee, opinion(OpinionStatus.ACCEPTED))).containsExactly("route");
        assertThat(offered(OFFICE, opinion(OpinionStatus.ACCEPTED))).doesNotContain("toSuggestion");
        assertThat(offered(OTHER_DEPUTY, opinion(OpinionStatus.ACCEPTED))).isEmpty();
        for (OpinionStatus st : OpinionStatus.values()) {
            assertThat(actions(ADDRESSEE, opinion(st)).toSuggestion()).as(st.name()).isEqualTo(st == OpinionStatus.ACCEPTED);
        }
    }

    @Test
    void onceRoutedOrClosedTheOpinionItselfOffersNothing() {
        for (OpinionStatus st : EnumSet.of(OpinionStatus.HANDLING, OpinionStatus.IN_SUGGESTION, OpinionStatus.REPLIED,
                OpinionStatus.REJECTED, OpinionStatus.CLOSED)) {
            for (CivicUser u : EVERYONE) {
                assertThat(offered(u, opinion(st))).as(st + " for user " + u.accountId()).isEmpty();
            }
        }
    }

    @Test
    void aUnitSignsANewWorkOrderOrAsksToReturnIt() {
        WorkOrder w = order(1, HOUSING, 1, WorkOrderStatus.ASSIGNED);
        assertThat(offered(HOUSING_UNIT, w)).containsExactly("requestReturn", "sign");
        assertThat(offered(EDUCATION_UNIT, w)).as("another unit's order").isEmpty();
        assertThat(offered(OFFICE, w)).isEmpty();
        assertThat(actions(HOUSING_UNIT, opinion(OpinionStatus.HANDLING), w).handlingOrder()).isEqualTo(1L);
        assertThat(actions(EDUCATION_UNIT, opinion(OpinionStatus.HANDLING), w).handlingOrder()).isNull();
        assertThat(actions(OFFICE, opinion(OpinionStatus.HANDLING), w).handlingOrder()).isNull();
    }

    @Test
    void signedTheUnitRepliesTalksWithTheVoterOrAsksForMoreTime() {
        WorkOrder w = order(1, HOUSING, 1, WorkOrderStatus.SIGNED);
        assertThat(offered(HOUSING_UNIT, w)).containsExactly("recordContact", "reply", "requestExtension", "requestReturn");
        assertThat(offered(OFFICE, w)).isEmpty();
    }

    @Test
    void theOfficeDecidesRequestsWhileTheUnitWaits() {
        WorkOrder returning = order(1, HOUSING, 1, WorkOrderStatus.RETURN_REQUESTED);
        assertThat(offered(OFFICE, returning)).containsExactly("decideReturn");
        assertThat(offered(HOUSING_UNIT, returning)).isEmpty();
        OpinionActions waiting = actions(HOUSING_UNIT, opinion(OpinionStatus.HANDLING), returning);
        assertThat(waiting.handlingOrder()).as("still the unit's, waiting for the office").isEqualTo(1L);
        assertThat(waiting.order(1).anyByUnit()).isFalse();

        WorkOrder extending = order(1, HOUSING, 1, WorkOrderStatus.EXTENSION_REQUESTED);
        assertThat(offered(OFFICE, extending)).containsExactly("decideExtension");
        assertThat(offered(HOUSING_UNIT, extending)).isEmpty();
        assertThat(offered(LEADER, extending)).as("only the office decides").isEmpty();
    }

    @Test
    void aRepliedOrReturnedOrderIsNoLongerTheUnits() {
        for (WorkOrderStatus st : EnumSet.of(WorkOrderStatus.REPLIED, WorkOrderStatus.RETURNED)) {
            WorkOrder w = order(1, HOUSING, 1, st);
            assertThat(offered(HOUSING_UNIT, w)).as(st.name()).isEmpty();
            assertThat(offered(OFFICE, w)).as(st.name()).isEmpty();
            assertThat(actions(HOUSING_UNIT, opinion(OpinionStatus.REPLIED), w).handlingOrder()).as(st.name()).isNull();
        }
    }

    @Test
    void reopenedTheUnitHandlesTheNewRound() {
        WorkOrder first = order(1, HOUSING, 1, WorkOrderStatus.REPLIED);
        WorkOrder second = order(2, HOUSING, 2, WorkOrderStatus.ASSIGNED);
        OpinionActions a = permissions.actionsFor(HOUSING_UNIT, opinion(OpinionStatus.HANDLING), ADDRESSED_TO_ONE_DEPUTY,
                List.of(second, first));
        assertThat(a.handlingOrder()).isEqualTo(2L);
        assertThat(a.order(1).anyByUnit()).isFalse();
        assertThat(a.order(2).sign()).isTrue();
        assertThat(a.order(3).anyByUnit()).as("an order of another opinion").isFalse();
    }

    @Test
    void workOrderStatusesActiveInJavaAreTheActiveOnesInSql() {
        for (WorkOrderStatus st : WorkOrderStatus.values()) {
            assertThat(WorkOrderStatus.ACTIVE_SQL.contains("'" + st.name() + "'")).as(st.name()).isEqualTo(st.isActive());
        }
        assertThat(WorkOrderStatus.ACTIVE_SQL).isEqualTo("('ASSIGNED', 'SIGNED', 'RETURN_REQUESTED', 'EXTENSION_REQUESTED')");
    }

    // ---------------------------------------------------------------- offered means accepted

    @Test
    void everyOfferedOpinionActionIsAcceptedByTheAggregate() {
        int tried = 0;
        for (OpinionStatus st : OpinionStatus.values()) {
            for (CivicUser u : EVERYONE) {
                OpinionActions can = actions(u, opinion(st));
                List<Consumer<Opinion>> moves = new ArrayList<>();
                if (can.triage()) {
                    moves.add(o -> o.accept(NOW));
                    moves.add(o -> o.reject("NOT_IN_SCOPE", null, NOW));
                    moves.add(o -> o.mergeInto(opinion(200L, OpinionStatus.SUBMITTED), NOW));
                }
                if (can.unmerge()) {
                    moves.add(o -> o.unmerge(NOW));
                }
                if (can.route()) {
                    moves.add(o -> o.forwarded(HOUSING, NOW));
                    moves.add(o -> o.answerDirectly("answered", "office", NOW));
                }
                if (can.toSuggestion()) {
                    // what saving the suggestion does to it
                    moves.add(o -> {
                        o.toSuggestion(NOW);
                        o.linkSuggestion(9);
                    });
                }
                for (Consumer<Opinion> move : moves) {
                    Opinion fresh = opinion(st);
                    assertThatCode(() -> move.accept(fresh)).as(st + " for user " + u.accountId()).doesNotThrowAnyException();
                    tried++;
                }
            }
        }
        assertThat(tried).as("by the office and the addressee: three triage, one unmerge, two routing moves; "
                + "and the addressing deputy's suggestion").isEqualTo(13);
    }

    @Test
    void everyOfferedWorkOrderActionIsAcceptedByTheAggregate() {
        int tried = 0;
        for (WorkOrderStatus st : WorkOrderStatus.values()) {
            for (CivicUser u : EVERYONE) {
                OpinionActions.WorkOrderActions can = actions(u, opinion(OpinionStatus.HANDLING), order(1, HOUSING, 1, st)).order(1);
                List<Consumer<WorkOrder>> moves = new ArrayList<>();
                if (can.sign()) {
                    moves.add(w -> w.sign(NOW));
                }
                if (can.requestReturn()) {
                    moves.add(w -> w.requestReturn("not ours"));
                }
                if (can.requestExtension()) {
                    moves.add(w -> w.requestExtension(5, "needs a budget"));
                }
                if (can.reply()) {
                    moves.add(w -> w.reply("done", NOW));
                }
                if (can.decideReturn()) {
                    moves.add(w -> w.approveReturn(NOW));
                    moves.add(WorkOrder::declineReturn);
                }
                if (can.decideExtension()) {
                    moves.add(w -> w.decideExtension(true));
                    moves.add(w -> w.decideExtension(false));
                }
                for (Consumer<WorkOrder> move : moves) {
                    WorkOrder fresh = order(1, HOUSING, 1, st);
                    assertThatCode(() -> move.accept(fresh)).as(st + " for user " + u.accountId()).doesNotThrowAnyException();
                    tried++;
                }
            }
        }
        assertThat(tried).as("sign, return and reply by the unit, four decisions by the office").isEqualTo(9);
    }

    private static CivicUser user(long id, Role role, Long unitId) {
        return new CivicUser(id, "u" + id, "user " + id, unitId, unitId == null ? null : "unit " + unitId, Set.of(role), true, null,
                false, 0, null);
    }
}
