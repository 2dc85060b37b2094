package org.civicloop.legislation.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.civicloop.deputies.DeputyRoster;
import org.civicloop.deputies.DeputySummary;
import org.civicloop.legislation.comments.CommentService;
import org.civicloop.legislation.comments.ConsultationEntry;
import org.civicloop.legislation.comments.ConsultationService;
import org.civicloop.legislation.comments.PublicComment;
import org.civicloop.legislation.drafts.Article;
import org.civicloop.legislation.drafts.Draft;
import org.civicloop.legislation.drafts.DraftDetails;
import org.civicloop.legislation.drafts.DraftService;
import org.civicloop.liaison.SiteSummary;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.organization.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drafts put to the people in Huaxi: the provincial 物业管理条例 revision open for comment at the three
 * legislative contact points (花溪街道, 贵筑街道, 青岩镇; {@code demo/legislative-points.csv}, loaded by the
 * liaison demo) with views from every channel, and the city's 养犬管理条例 draft, its window closed, with its
 * comments, the final text as passed (an article inserted, one deleted, those between renumbered) and the
 * day it was passed. Texts and views are in {@code legislation/demo/}. Runs after the liaison network;
 * a draft already there (same title) is left alone.
 */
@Component
@Order(27)
@ConditionalOnBooleanProperty("civicloop.demo")
class LegislationDemoData implements ApplicationRunner {

    static final String DIR = "legislation/demo/";

    private final DraftService drafts;
    private final CommentService comments;
    private final ConsultationService consultations;
    private final DeputyRoster roster;
    private final Directory directory;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ZoneId zone;
    /** The contact points' QR tokens by name. */
    private final Map<String, String> tokens = new HashMap<>();

    LegislationDemoData(DraftService drafts, CommentService comments, ConsultationService consultations, DeputyRoster roster,
                        Directory directory, JdbcClient jdbc, TransactionTemplate tx,
                        @Value("${civicloop.time-zone:Asia/Shanghai}") String zone) {
        this.drafts = drafts;
        this.comments = comments;
        this.consultations = consultations;
        this.roster = roster;
        this.directory = directory;
        this.jdbc = jdbc;
        this.tx = tx;
        this.zone = ZoneId.of(zone);
    }

    @Override
    public void run(ApplicationArguments args) {
        tx.executeWithoutResult(status -> load());
    }

    private void load() {
        Long officeId = directory.accountIdByUsername("office").orElse(null);
        Map<String, Long> points = new HashMap<>();
        for (SiteSummary s : drafts.contactPoints()) {
            points.put(s.name(), s.id());
            tokens.put(s.name(), s.dutyToken());
        }
        if (officeId == null || points.size() < 3) {
            return;
        }
        CivicUser office = new CivicUser(officeId, "demo", "demo", null, null, Set.of(Role.CONGRESS_OFFICE), true, null, false, 0, "");
        LocalDate today = LocalDate.now(zone);
        String propertyText = resource("property-management-draft.txt");
        String dogText = resource("dog-management-draft.txt");
        Map<String, Draft> loaded = new LinkedHashMap<>();
        loaded.put("P", register(office, propertyText, today.minusDays(12), today.plusDays(18), resource("property-management-questions.txt"),
                points.values()));
        loaded.put("D", register(office, dogText, today.minusDays(120), today.minusDays(90), null, points.values()));
        if (loaded.values().stream().anyMatch(d -> d == null)) {
            return;
        }
        views(office, loaded, points);
        jdbc.sql("update legislation_draft set final_text = :t, passed_on = :on where id = :id")
                .param("t", resource("dog-management-final.txt")).param("on", today.minusDays(30))
                .param("id", loaded.get("D").id()).update();
    }

    /** A draft registered and opened, or null when one with its title is there already. */
    private Draft register(CivicUser office, String text, LocalDate opens, LocalDate closes, String questions,
                           java.util.Collection<Long> points) {
        String title = text.lines().findFirst().orElseThrow().strip();
        boolean exists = jdbc.sql("select exists (select 1 from legislation_draft where title = :t)").param("t", title)
                .query(Boolean.class).single();
        if (exists) {
            return null;
        }
        String body = "\u8d35\u5dde\u7701\u4eba\u5927\u5e38\u59d4\u4f1a\u6cd5\u5236\u5de5\u4f5c\u59d4\u5458\u4f1a";
        if (title.startsWith("\u8d35\u9633\u5e02")) {
            body = "\u8d35\u9633\u5e02\u4eba\u5927\u5e38\u59d4\u4f1a\u6cd5\u5236\u5de5\u4f5c\u59d4\u5458\u4f1a";
        }
        Instant registered = at(opens.minusDays(3), 9);
        Draft draft = drafts.register(office, new DraftDetails(title, body, opens, closes, questions, new LinkedHashSet<>(points)),
                text, registered);
        return drafts.open(office, draft.id(), at(opens.minusDays(1), 16));
    }

    private void views(CivicUser office, Map<String, Draft> loaded, Map<String, Long> points) {
        Map<String, Long> deputies = new HashMap<>();
        for (DeputySummary d : roster.active()) {
            deputies.putIfAbsent(d.name(), d.id());
        }
        List<String[]> views = rows("views.csv");
        int n = 0;
        for (String[] v : views) {
            if (!v[1].equals("ONLINE") && !v[1].equals("QR")) {
                continue;
            }
            Draft draft = loaded.get(v[0]);
            Long article = articleId(draft, v[4]);
            String token = v[1].equals("QR") ? tokens.get(v[2]) : null;
            n++;
            comments.submit(new PublicComment(draft.id(), article, v[8], v[6].isEmpty() ? null : v[6], v[7].isEmpty() ? null : v[7],
                            !v[6].isEmpty() || !v[7].isEmpty(), UUID.nameUUIDFromBytes(("demo-comment-" + v[0] + n).getBytes(
                            StandardCharsets.UTF_8)).toString(), token),
                    "demo-" + n, at(draft.opensOn().plusDays(Long.parseLong(v[5])), 10));
        }
        for (String[] k : rows("consultations.csv")) {
            Draft draft = loaded.get(k[1]);
            List<ConsultationEntry.View> said = new ArrayList<>();
            for (String[] v : views) {
                if (v[3].equals(k[0])) {
                    said.add(new ConsultationEntry.View(articleId(draft, v[4]), v[8]));
                }
            }
            Set<Long> present = new LinkedHashSet<>();
            for (String name : k[7].split(";")) {
                if (deputies.containsKey(name)) {
                    present.add(deputies.get(name));
                }
            }
            LocalDate held = draft.opensOn().plusDays(Long.parseLong(k[4]));
            consultations.record(office, new ConsultationEntry(draft.id(), points.get(k[2]), k[3], held, k[5],
                    Integer.valueOf(k[6]), present, said), at(held, 18));
        }
    }

    /** The id of the article numbered {@code no} (0 or empty: the draft as a whole). */
    private static Long articleId(Draft draft, String no) {
        if (no.isEmpty() || no.equals("0")) {
            return null;
        }
        int number = Integer.parseInt(no);
        return draft.articles().stream().filter(a -> a.articleNo() == number).map(Article::id).findFirst().orElseThrow();
    }

    private Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(zone).toInstant();
    }

    private static String resource(String name) {
        try {
            return new ClassPathResource(DIR + name).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String[]> rows(String name) {
        return resource(name).lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\\|", -1)).toList();
    }
}
