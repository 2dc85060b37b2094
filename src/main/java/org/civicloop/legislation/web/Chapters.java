package org.civicloop.legislation.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.civicloop.legislation.drafts.Article;

/** A draft's articles grouped by chapter, for the pages; one group with a null heading for a draft without chapters. */
record Chapters(String heading, List<Article> articles) {

    static List<Chapters> of(List<Article> articles) {
        List<Chapters> groups = new ArrayList<>();
        for (Article a : articles) {
            Chapters last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (last == null || !Objects.equals(last.heading(), a.chapterHeading())) {
                last = new Chapters(a.chapterHeading(), new ArrayList<>());
                groups.add(last);
            }
            last.articles().add(a);
        }
        return groups;
    }
}
