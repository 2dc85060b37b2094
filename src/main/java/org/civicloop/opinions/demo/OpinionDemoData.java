package org.civicloop.opinions.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.deputies.Deputies;
import org.civicloop.liaison.LiaisonSites;
import org.civicloop.opinions.domain.AddresseeKind;
import org.civicloop.opinions.domain.Channel;
import org.civicloop.opinions.domain.Opinion;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.opinions.domain.Rating;
import org.civicloop.opinions.domain.SubmitOpinion;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * About fifty voters' opinions about Huaxi's towns and villages ({@code demo/opinions.csv}), from
 * every channel (a deputy's or a station's duty QR code, the public form, the 12345 hotline, Open311,
 * receptions, visits and market days recorded by staff), each driven through {@link OpinionService}
 * by the demo accounts to its state: new, accepted, refused with a reason, merged into another,
 * forwarded to a unit (some signed, some long overdue on the working-day clock), replied, answered by
 * the office, rated, reopened by a dissatisfied voter, closed. The {@code LINKED} rows are left
 * accepted here; the suggestions' demo data links them to the demo deputy's draft suggestion. Each
 * opinion is known by its text: what is already there is left alone, so loading twice changes nothing.
 * Runs after the suggestions' demo data.
 */
@Component
@Order(60)
@ConditionalOnBooleanProperty("civicloop.demo")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class OpinionDemoData implements ApplicationRunner {

    static final String RESOURCE = "demo/opinions.csv";

    private final OpinionService service;
    private final UserDetailsService users;
    private final Directory directory;
    private final Deputies deputies;
    private final LiaisonSites sites;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    @Override
    public void run(ApplicationArguments args) {
        if (directory.accountIdByUsername("office").isEmpty() || directory.accountIdByUsername("unit").isEmpty()) {
            return;
        }
        List<Row> rows = rows();
        for (Row row : rows) {
            tx.executeWithoutResult(status -> load(row, rows));
        }
    }

    private void load(Row r, List<Row> all) {
        if (idOf(r.content()).isPresent()) {
            return;
        }
        CivicUser office = user("office");
        Instant received = Instant.now().minus(Duration.ofDays(r.daysAgo())).minus(Duration.ofHours(2));
        AddresseeKind kind = null;
        Long addressee = null;
        if (!r.addressee().isEmpty()) {
            var deputy = deputies.byDutyToken(r.addressee());
            kind = deputy.isPresent() ? AddresseeKind.DEPUTY : AddresseeKind.SITE;
            addressee = deputy.map(d -> d.id()).orElseGet(() -> sites.byDutyToken(r.addressee()).orElseThrow().id());
        }
        Long recordedBy = switch (r.channel()) {
            case VISIT -> directory.accountIdByUsername("deputy").orElseThrow();
            case RECEPTION, MARKET_DAY -> directory.accountIdByUsername("station").orElseThrow();
            default -> null;
        };
        // the demo voters who left a name or a phone number agreed that it be kept
        Opinion o = service.submit(SubmitOpinion.of(r.channel()).addressee(kind, addressee).recordedBy(recordedBy)
                .externalRef(r.ref()).category(r.category()).content(r.content()).place(r.placeCode(), r.placeDetail())
                .voter(r.voterName(), r.voterPhone(), null).consent(true).build(), List.of(), received);
        long id = o.id();
        switch (r.state()) {
            case "NEW" -> { }
            case "REJECTED" -> service.reject(id, r.extra(), null, office);
            case "MERGED" -> {
                String target = all.stream().filter(t -> t.key().equals(r.extra())).findFirst().orElseThrow().content();
                service.merge(id, receiptCodeOf(idOf(target).orElseThrow()), office);
            }
            case "ANSWERED" -> {
                service.accept(id, office);
                service.answer(id, r.extra(), office);
            }
            default -> {
                if (r.state().equals("OVERDUE")) {
                    // forwarded a day after it came in (below), accepted just before: the voter's timeline then reads
                    // 已受理 and 已交办 before the deadline it shows as passed, not on the day the demo was loaded
                    service.accept(id, office, received.plus(Duration.ofDays(1)).minus(Duration.ofHours(1)));
                } else {
                    service.accept(id, office);
                }
                if (!r.unit().isEmpty()) {
                    handle(id, o.receiptCode(), r, office, received);
                }
            }
        }
    }

    /** Forwarded to a unit and, by its staff ({@code unit} or {@code unit2}), signed, replied and rated. */
    private void handle(long id, String receiptCode, Row r, CivicUser office, Instant received) {
        long unitId = directory.unitIdByName(r.unit()).orElseThrow().value();
        // overdue ones were forwarded a day after they came in, well over 15 working days ago
        Instant forwarded = r.state().equals("OVERDUE") ? received.plus(Duration.ofDays(1)) : Instant.now();
        long order = service.forward(id, unitId, null, office, forwarded);
        if (r.state().equals("ASSIGNED") || r.state().equals("OVERDUE")) {
            return;
        }
        CivicUser staff = staffOf(unitId);
        service.sign(order, staff);
        if (r.state().equals("SIGNED")) {
            return;
        }
        String[] replies = r.extra().split("//");
        service.replyToOrder(order, replies[0], staff);
        switch (r.state()) {
            case "SATISFIED" -> service.rate(receiptCode, Rating.SATISFIED);
            case "BASIC" -> service.rate(receiptCode, Rating.BASICALLY_SATISFIED);
            case "REOPENED" -> service.rate(receiptCode, Rating.DISSATISFIED);
            case "DISSATISFIED" -> {
                service.rate(receiptCode, Rating.DISSATISFIED);
                long round2 = jdbc.sql("select id from work_order where opinion_id = :o order by round desc limit 1")
                        .param("o", id).query(Long.class).single();
                service.sign(round2, staff);
                service.replyToOrder(round2, replies[replies.length - 1], staff);
                service.rate(receiptCode, Rating.DISSATISFIED);
            }
            default -> { }
        }
    }

    private CivicUser staffOf(long unitId) {
        CivicUser unit = user("unit");
        return unit.unitId() != null && unit.unitId() == unitId ? unit : user("unit2");
    }

    private Optional<Long> idOf(String content) {
        return jdbc.sql("select id from opinion where content = :c order by id limit 1").param("c", content)
                .query(Long.class).optional();
    }

    private String receiptCodeOf(long id) {
        return jdbc.sql("select receipt_code from opinion where id = :id").param("id", id).query(String.class).single();
    }

    private CivicUser user(String username) {
        return (CivicUser) users.loadUserByUsername(username);
    }

    record Row(String key, String state, Channel channel, String addressee, String category, String placeCode,
               String placeDetail, String voterName, String voterPhone, int daysAgo, String unit, String ref,
               String content, String extra) {
    }

    static List<Row> rows() {
        try (var reader = new BufferedReader(new InputStreamReader(new ClassPathResource(RESOURCE).getInputStream(),
                StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\\|", -1))
                    .map(c -> new Row(c[0], c[1], Channel.valueOf(c[2]), c[3], c[4], c[5], c[6], c[7], c[8],
                            Integer.parseInt(c[9]), c[10], c[11], c[12], c[13]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
