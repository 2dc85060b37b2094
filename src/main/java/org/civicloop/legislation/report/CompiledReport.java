package org.civicloop.legislation.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicloop.legislation.drafts.Numbering;
import org.civicloop.liaison.SiteSummary;

/**
 * One contact point's compiled report (意见汇总) on one draft, as shown and exported: the point's comments grouped
 * by article, near-identical ones together, with the point's suggested revision of each article.
 *
 * @param version  the version shown, or null while nothing has been decided yet
 * @param versions every version of this point's report, newest first
 * @param groupedByWords the comments were grouped by their words alone: the sentence model was still loading
 */
public record CompiledReport(Draft draft, SiteSummary point, Version version, List<Version> versions,
                             List<Section> sections, boolean groupedByWords) {

    /** The channels in the order the report lists them; label {@code legislation.report.channel.<NAME>}. */
    public static final List<String> CHANNELS = List.of("ONLINE", "QR", "MEETING", "VISIT", "COLLECTOR");

    /** The report of the comments sent online without a contact point (网上征求意见), not a point's. */
    public boolean online() {
        return point.id() == Reports.ONLINE;
    }

    public record Draft(long id, String title, String issuingBody, LocalDate opensOn, LocalDate closesOn) {
    }

    /** A version of the report: DRAFT while it is worked on, SENT (frozen) once sent. */
    public record Version(long id, int reportNo, String status, Instant createdAt, Instant sentAt) {
        public boolean sent() {
            return "SENT".equals(status);
        }
    }

    /** An article of the draft (articleId null: the draft as a whole). */
    public record Article(Long articleId, Integer articleNo, Integer chapterNo, String chapterTitle, String body) {
        public boolean whole() {
            return articleId == null;
        }

        /** 第四条, as the draft writes it; null for the draft as a whole. */
        public String heading() {
            return articleNo == null ? null : Numbering.article(articleNo);
        }

        /** 第一章 停放与充电, as the draft writes it; null without chapters. */
        public String chapterHeading() {
            return chapterNo == null ? null : Numbering.chapter(chapterNo, chapterTitle);
        }
    }

    /**
     * One comment with the point's decision on it in this version: {@code included} null while undecided.
     * {@code heldOn} is the day of the consultation it was gathered at, if any.
     */
    public record Comment(long id, Long articleId, String channel, String body, Instant createdAt, LocalDate heldOn,
                          Boolean included, String reason) {
    }

    /** Comments that say the same thing: the first (earliest) one's wording stands for them all. */
    public record Group(List<Comment> comments) {
        public Comment representative() {
            return comments.get(0);
        }

        public List<Comment> others() {
            return comments.subList(1, comments.size());
        }

        public int count() {
            return comments.size();
        }

        /** How many came through each channel, in {@link #CHANNELS} order, channels without any left out. */
        public Map<String, Integer> byChannel() {
            return CompiledReport.byChannel(comments);
        }
    }

    /**
     * An article's part of the report. {@code groups} hold every comment (for the staff page);
     * {@code includedGroups} only the included ones (for the document).
     */
    public record Section(Article article, List<Comment> comments, List<Group> groups, List<Group> includedGroups,
                          Long revisionId, String revision) {

        public int included() {
            return (int) comments.stream().filter(c -> Boolean.TRUE.equals(c.included())).count();
        }

        public int excluded() {
            return (int) comments.stream().filter(c -> Boolean.FALSE.equals(c.included())).count();
        }

        public int undecided() {
            return (int) comments.stream().filter(c -> c.included() == null).count();
        }

        public Map<String, Integer> includedByChannel() {
            return byChannel(comments.stream().filter(c -> Boolean.TRUE.equals(c.included())).toList());
        }

        /** Whether the document shows this article: it has included views or a suggested revision. */
        public boolean inDocument() {
            return included() > 0 || revision != null;
        }
    }

    public int included() {
        return sections.stream().mapToInt(Section::included).sum();
    }

    public int excluded() {
        return sections.stream().mapToInt(Section::excluded).sum();
    }

    public int undecided() {
        return sections.stream().mapToInt(Section::undecided).sum();
    }

    public int comments() {
        return sections.stream().mapToInt(s -> s.comments().size()).sum();
    }

    /** Included comments per channel over the whole report. */
    public Map<String, Integer> includedByChannel() {
        return byChannel(sections.stream().flatMap(s -> s.comments().stream())
                .filter(c -> Boolean.TRUE.equals(c.included())).toList());
    }

    /** Whether the version shown may still be changed. */
    public boolean editable() {
        return version == null || !version.sent();
    }

    static Map<String, Integer> byChannel(List<Comment> comments) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String channel : CHANNELS) {
            int n = (int) comments.stream().filter(c -> c.channel().equals(channel)).count();
            if (n > 0) {
                counts.put(channel, n);
            }
        }
        return counts;
    }
}
