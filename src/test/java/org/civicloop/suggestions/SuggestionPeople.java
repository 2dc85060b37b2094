package org.civicloop.suggestions;

import java.util.List;
import java.util.Set;
import org.civicloop.opinions.domain.SubmitOpinion;
import org.civicloop.testing.DemoFixture;
import org.civicloop.opinions.domain.Opinion;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.civicloop.organization.domain.AccountDetails;
import org.civicloop.organization.domain.AccountService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The people of the suggestion tests: the demo accounts, and a second deputy with a login of their
 * own to co-sign (the demo has one deputy login, {@code deputy}), created once in the shared test
 * database with the demo password. Also accepted voter opinions to link.
 */
public final class SuggestionPeople {

    public static final String CO_SIGNER = "cosigner";
    public static final String CO_SIGNER_NAME = "李联名";
    public static final String PASSWORD = "Huaxi@2026";

    private final JdbcClient jdbc;
    private final DemoFixture demo;
    private final AccountService accounts;

    public SuggestionPeople(JdbcClient jdbc, UserDetailsService users, AccountService accounts) {
        this.jdbc = jdbc;
        this.demo = new DemoFixture(jdbc, users);
        this.accounts = accounts;
    }

    public CivicUser user(String username) {
        return demo.user(username);
    }

    /** The co-signing deputy's account (created at first use) and deputy record; answers the deputy id. */
    public synchronized long coSignerDeputyId() {
        long account = accounts.findIdByUsername(CO_SIGNER).orElseGet(() -> accounts.create(CO_SIGNER,
                new AccountDetails(CO_SIGNER_NAME, null, null, Set.of(Role.DEPUTY), true), PASSWORD, false).id());
        return jdbc.sql("select id from deputy where account_id = :a").param("a", account).query(Long.class).optional()
                .orElseGet(() -> jdbc.sql("""
                        insert into deputy (name, level, constituency, region_code, status, account_id, duty_token)
                        values (:n, 'DISTRICT', :c, '520111101', 'ACTIVE', :a, 'cosign00test') returning id""")
                        .param("n", CO_SIGNER_NAME).param("c", "\u9752\u5ca9\u9547\u9009\u533a").param("a", account)
                        .query(Long.class).single());
    }

    /** Staff of a unit no suggestion here is assigned to (花溪区交通运输局), created at first use. */
    public synchronized CivicUser otherUnitUser() {
        String username = "unit3";
        if (accounts.findIdByUsername(username).isEmpty()) {
            accounts.create(username, new AccountDetails("交通运输局办理员", null, unitId("花溪区交通运输局"),
                    Set.of(Role.HANDLING_UNIT), true), PASSWORD, false);
        }
        return user(username);
    }

    public long unitId(String name) {
        return demo.unit(name);
    }

    /** A voter's opinion, accepted by the office; with a phone when {@code phone} is not null (consent given). */
    public Opinion acceptedOpinion(OpinionService opinions, String content, String phone) {
        String village = jdbc.sql("select code from region where parent_code = '520111101' order by code limit 1")
                .query(String.class).single();
        Opinion o = opinions.submit(SubmitOpinion.fromPublic(null, "127.0.0.1").category("URBAN").content(content).place(village, null)
                .voter(phone == null ? null : "\u5f20\u4e09", phone, null).consent(phone != null).build(), List.of());
        opinions.accept(o.id(), user("office"));
        return o;
    }

    public static List<Long> ids(Opinion... opinions) {
        return java.util.Arrays.stream(opinions).map(Opinion::id).toList();
    }
}
