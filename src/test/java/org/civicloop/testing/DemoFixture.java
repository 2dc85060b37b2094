package org.civicloop.testing;

import org.civicloop.organization.CivicUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The demo data set as the tests know it: units, accounts, deputies and sites looked up by the
 * names and usernames the demo loads ({@code civicloop.demo=true}). One place for these look-ups,
 * so a test reads {@code demo.unit("花溪区住房和城乡建设局")} and {@code demo.user("office")}:
 *
 * <pre>{@code
 * @IntegrationTest
 * class SomethingIntegrationTests {
 *     @Autowired
 *     DemoFixture demo;
 *     ...
 *     mvc.perform(get("/units/{id}", demo.unit("花溪区教育局")).with(user(demo.user("office"))))
 * }
 * }</pre>
 *
 * <p>A bean of the shared test context ({@link IntegrationTest} imports it); fixture classes that
 * are not beans construct one from the JDBC client and the user details service.
 */
public class DemoFixture {

    /** Every demo account's password. */
    public static final String PASSWORD = "Huaxi@2026";

    private final JdbcClient jdbc;
    private final UserDetailsService users;

    public DemoFixture(JdbcClient jdbc, UserDetailsService users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    /** A demo account, as signed in (roles, unit, data scope), read afresh each time. */
    public CivicUser user(String username) {
        return (CivicUser) users.loadUserByUsername(username);
    }

    /** The id of the unit (org_unit) with this name, e.g. 花溪区住房和城乡建设局. */
    public long unit(String name) {
        return id("select id from org_unit where name = :n", name);
    }

    /** The id of the deputy with this name, e.g. 杨光荣. */
    public long deputy(String name) {
        return id("select id from deputy where name = :n", name);
    }

    /** The id of the liaison site (家站室点) with this name. */
    public long site(String name) {
        return id("select id from liaison_site where name = :n", name);
    }

    private long id(String sql, String name) {
        return jdbc.sql(sql).param("n", name).query(Long.class).optional()
                .orElseThrow(() -> new IllegalArgumentException("No " + sql.split(" ")[3] + " named " + name + " in the demo data"));
    }
}
