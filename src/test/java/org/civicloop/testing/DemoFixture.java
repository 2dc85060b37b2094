package org.civicloop.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.civicloop.organization.CivicUser;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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
 * are not beans construct one from the JDBC client and the user details service. Run last of the
 * start-up runners, it waits until the duty records have caught up with the demo loaders' events, so
 * that every test sees the demo's records whole ({@link #recordsSettled()}).
 */
@Order(Ordered.LOWEST_PRECEDENCE)
public class DemoFixture implements ApplicationRunner {

    /** Every demo account's password. */
    public static final String PASSWORD = "Huaxi@2026";

    private final JdbcClient jdbc;
    private final UserDetailsService users;

    public DemoFixture(JdbcClient jdbc, UserDetailsService users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        recordsSettled();
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

    /**
     * Waits until the duty records and the network's figures ({@code SiteFacts}) have caught up with every
     * event committed so far: they are built in the
     * background ({@code @ApplicationModuleListener}), so a line appears a moment after the act that earned it,
     * and the demo loaders' thousands of receptions take a while after start-up. An event whose line failed
     * (marked FAILED in the event publication registry) is not waited for.
     */
    public void recordsSettled() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.sql("""
                        select count(*) from event_publication
                         where (listener_id like 'org.civicloop.records.%' or listener_id like 'org.civicloop.liaison.figures.SiteFacts.%')
                           and completion_date is null
                           and coalesce(status, '') <> 'FAILED'""").query(Integer.class).single() == 0);
    }

    private long id(String sql, String name) {
        return jdbc.sql(sql).param("n", name).query(Long.class).optional()
                .orElseThrow(() -> new IllegalArgumentException("No " + sql.split(" ")[3] + " named " + name + " in the demo data"));
    }
}
