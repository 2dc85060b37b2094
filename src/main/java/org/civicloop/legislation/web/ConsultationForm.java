package org.civicloop.legislation.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.civicloop.legislation.comments.ConsultationEntry;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Staff's form for a consultation: its facts and up to {@value #ROWS} views, each with its article
 * ({@code 0}: the draft as a whole; empty: not chosen). Rows left empty are ignored.
 */
public record ConsultationForm(Long siteId, String channel, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
                               String place, Integer participants, Set<Long> deputyIds, List<Long> viewArticles,
                               List<String> viewBodies) {

    static final int ROWS = 8;

    static ConsultationForm empty() {
        List<Long> articles = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            articles.add(null);
            bodies.add("");
        }
        return new ConsultationForm(null, null, null, "", null, new TreeSet<>(), articles, bodies);
    }

    /** The form as sent, with its rows filled up to {@value #ROWS} again (so the page shows them all). */
    ConsultationForm padded() {
        List<Long> articles = new ArrayList<>(viewArticles == null ? List.of() : viewArticles);
        List<String> bodies = new ArrayList<>(viewBodies == null ? List.of() : viewBodies);
        while (articles.size() < ROWS) {
            articles.add(null);
        }
        while (bodies.size() < ROWS) {
            bodies.add("");
        }
        return new ConsultationForm(siteId, channel, heldOn, place, participants, deputyIds == null ? new TreeSet<>() : deputyIds,
                articles.subList(0, ROWS), bodies.subList(0, ROWS));
    }

    /** The views given: a text without its article counts as on an unknown article ({@code -1}), so it is refused. */
    ConsultationEntry entry(long draftId) {
        ConsultationForm f = padded();
        List<ConsultationEntry.View> views = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            String body = f.viewBodies().get(i);
            Long article = f.viewArticles().get(i);
            views.add(new ConsultationEntry.View(article == null && body != null && !body.isBlank() ? Long.valueOf(-1) : article, body));
        }
        return new ConsultationEntry(draftId, siteId, channel, heldOn, place, participants, f.deputyIds(), views);
    }
}
