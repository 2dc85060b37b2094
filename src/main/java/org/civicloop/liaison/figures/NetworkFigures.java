package org.civicloop.liaison.figures;

import org.civicloop.shared.ReportReads;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The network's figures (网络运行数据): sums of {@code liaison_site_fact} (fed by {@link SiteFacts}) per
 * site, per town, per month and for the whole network, over a year or one month of it; and how many
 * open sites there are per town and type. Everyone who may see them sees the whole network.
 */
@Component
@Transactional(readOnly = true)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
@ReportReads
public class NetworkFigures {

    /** The district's code: a site registered at district level counts under it rather than a town. */
    static final String DISTRICT = "520111";

    private static final String SUMS = """
            count(f.kind) filter (where f.kind = 'RECEPTION') as receptions,
            coalesce(sum(f.visitors) filter (where f.kind = 'RECEPTION'), 0) as visitors,
            count(f.kind) filter (where f.kind = 'RECEPTION' and f.mobile) as mobile_receptions,
            count(f.kind) filter (where f.kind = 'OPINION') as opinions,
            count(f.kind) filter (where f.kind = 'ACTIVITY') as activities,
            coalesce(sum(f.visitors) filter (where f.kind = 'ACTIVITY'), 0) as activity_visitors,
            coalesce(sum(f.income_yuan) filter (where f.kind = 'ACTIVITY'), 0) as income_yuan,
            count(f.kind) filter (where f.kind = 'MATTER_OPENED') as matters_opened,
            count(f.kind) filter (where f.kind = 'MATTER_CONFIRMED' and f.positive) as matters_solved,
            count(f.kind) filter (where f.kind = 'DISPUTE_CLOSED') as disputes_closed,
            count(f.kind) filter (where f.kind = 'DISPUTE_CLOSED' and f.positive) as disputes_agreed""";
    /** A site's town: the first nine digits of a town's, street's or village's code; the district's own sites keep its code. */
    private static final String TOWN = "case when length(s.region_code) >= 9 then substring(s.region_code, 1, 9) else s.region_code end";

    private final JdbcClient jdbc;

    /** A year, or one month of it (month null: the whole year). */
    public record Period(int year, Integer month) {
        public Period {
            if (year < 2000 || year > 2100 || (month != null && (month < 1 || month > 12))) {
                throw new IllegalArgumentException("period " + year + "-" + month);
            }
        }

        LocalDate from() {
            return LocalDate.of(year, month == null ? 1 : month, 1);
        }

        LocalDate to() {
            return month == null ? from().plusYears(1) : from().plusMonths(1);
        }
    }

    /** What the network did: receptions (and their visitors, 人次), opinions heard, activities, matters, disputes. */
    public record Counts(long receptions, long visitors, long mobileReceptions, long opinions, long activities,
                         long activityVisitors, long incomeYuan, long mattersOpened, long mattersSolved,
                         long disputesClosed, long disputesAgreed) {

        static Counts of(ResultSet rs) throws SQLException {
            return new Counts(rs.getLong("receptions"), rs.getLong("visitors"), rs.getLong("mobile_receptions"),
                    rs.getLong("opinions"), rs.getLong("activities"), rs.getLong("activity_visitors"),
                    rs.getLong("income_yuan"), rs.getLong("matters_opened"), rs.getLong("matters_solved"),
                    rs.getLong("disputes_closed"), rs.getLong("disputes_agreed"));
        }

        public boolean isEmpty() {
            return receptions + opinions + activities + mattersOpened + mattersSolved + disputesClosed == 0;
        }
    }

    public record SiteFigures(long siteId, String name, String type, String regionCode, String townCode, boolean active,
                              Counts counts) {
    }

    public record MonthFigures(int month, Counts counts) {
    }

    public record TownFigures(String townCode, int sites, Counts counts) {
    }

    /** The whole network over the period. */
    public Counts network(Period period) {
        return jdbc.sql("select " + SUMS + " from liaison_site_fact f where f.happened_on >= :from and f.happened_on < :to")
                .param("from", Date.valueOf(period.from())).param("to", Date.valueOf(period.to()))
                .query((rs, n) -> Counts.of(rs)).single();
    }

    /** Every site, open or with something counted in the period, busiest (most visitors) first. */
    public List<SiteFigures> sites(Period period) {
        return jdbc.sql("select s.id, s.name, s.type, s.region_code, " + TOWN + " as town, s.active, " + SUMS + """
                         from liaison_site s
                         left join liaison_site_fact f on f.site_id = s.id and f.happened_on >= :from and f.happened_on < :to
                        group by s.id
                       having s.active or count(f.kind) > 0
                        order by visitors desc, receptions desc, opinions desc, s.name""")
                .param("from", Date.valueOf(period.from())).param("to", Date.valueOf(period.to()))
                .query((rs, n) -> new SiteFigures(rs.getLong("id"), rs.getString("name"), rs.getString("type"),
                        rs.getString("region_code"), rs.getString("town"), rs.getBoolean("active"), Counts.of(rs)))
                .list();
    }

    /** The twelve months of a year (all of them, empty ones too), in order. */
    public List<MonthFigures> months(int year) {
        Period period = new Period(year, null);
        Map<Integer, Counts> found = new LinkedHashMap<>();
        jdbc.sql("select cast(extract(month from f.happened_on) as integer) as m, " + SUMS
                        + " from liaison_site_fact f where f.happened_on >= :from and f.happened_on < :to group by 1")
                .param("from", Date.valueOf(period.from())).param("to", Date.valueOf(period.to()))
                .query((rs, n) -> found.put(rs.getInt("m"), Counts.of(rs))).list();
        List<MonthFigures> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(new MonthFigures(m, found.getOrDefault(m, new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))));
        }
        return months;
    }

    /** Per town (street, town or the district itself): its open sites, and what all its sites did in the period. */
    public List<TownFigures> towns(Period period) {
        return jdbc.sql("select t.town, t.sites, " + SUMS + """
                         from (select %s as town, count(*) filter (where s.active) as sites from liaison_site s group by 1) t
                         left join liaison_site s2 on %s = t.town
                         left join liaison_site_fact f on f.site_id = s2.id and f.happened_on >= :from and f.happened_on < :to
                        group by t.town, t.sites
                        order by t.town""".formatted(TOWN, TOWN.replace("s.", "s2.")))
                .param("from", Date.valueOf(period.from())).param("to", Date.valueOf(period.to()))
                .query((rs, n) -> new TownFigures(rs.getString("town"), rs.getInt("sites"), Counts.of(rs)))
                .list();
    }

    /** Open sites per town and type: town code → type → count. */
    public Map<String, Map<String, Integer>> openSitesByTownAndType() {
        Map<String, Map<String, Integer>> result = new LinkedHashMap<>();
        jdbc.sql("select " + TOWN + " as town, s.type, count(*) as n from liaison_site s where s.active group by 1, 2 order by 1, 2")
                .query((rs, n) -> result.computeIfAbsent(rs.getString("town"), t -> new LinkedHashMap<>())
                        .put(rs.getString("type"), rs.getInt("n")))
                .list();
        return result;
    }

    /** The years with anything counted, newest first, and always the current one. */
    public List<Integer> years(int currentYear) {
        List<Integer> years = new ArrayList<>(jdbc.sql("""
                        select distinct cast(extract(year from happened_on) as integer) as y from liaison_site_fact
                        union select :current order by 1 desc""")
                .param("current", currentYear).query(Integer.class).list());
        return years;
    }
}
