package org.civicloop.legislation.report;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.legislation.report.CompiledReport.Group;
import org.civicloop.legislation.report.CompiledReport.Section;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The report in the layout legislatures use, as blocks both the .docx and the PDF print: a summary table of counts
 * per article and channel, then for each article with views or a revision its number, its draft text, the views
 * (count, representative wording, where they came from, the near-identical wordings) and the suggested revision.
 * Only included comments appear, each exactly once.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ReportLayout {

    enum Kind { TITLE, SUBTITLE, HEADING, LABEL, TEXT, VIEW, SIMILAR, TABLE }

    /** One block; {@code rows} only for a table, its first row the header. */
    record Block(Kind kind, String text, List<List<String>> rows) {
        Block(Kind kind, String text) {
            this(kind, text, List.of());
        }
    }

    private final MessageSource messages;
    @Value("${civicloop.time-zone:Asia/Shanghai}")
    private String zone;

    List<Block> blocks(CompiledReport r, Locale locale) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block(Kind.TITLE, msg(locale, "legislation.report.doc.title", r.draft().title())));
        String version = r.version() == null ? "" : msg(locale, "legislation.report.doc.version", r.version().reportNo());
        String date = r.version() != null && r.version().sentAt() != null
                ? DateTimeFormatter.ofPattern(msg(locale, "format.date"), locale).withZone(ZoneId.of(zone))
                        .format(r.version().sentAt()) : "";
        blocks.add(new Block(Kind.SUBTITLE, msg(locale, "legislation.report.doc.subtitle", pointName(r, locale),
                r.draft().issuingBody(), version, date).strip()));
        blocks.add(new Block(Kind.TEXT, msg(locale, "legislation.report.doc.summary", r.comments(), r.included(),
                channels(r.includedByChannel(), locale))));

        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add(msg(locale, "legislation.report.doc.articleColumn"));
        header.add(msg(locale, "legislation.report.doc.countColumn"));
        for (String c : CompiledReport.CHANNELS) {
            header.add(msg(locale, "legislation.report.channel." + c));
        }
        rows.add(header);
        for (Section s : r.sections()) {
            if (s.included() == 0) {
                continue;
            }
            List<String> row = new ArrayList<>();
            row.add(articleName(s, locale));
            row.add(String.valueOf(s.included()));
            Map<String, Integer> by = s.includedByChannel();
            for (String c : CompiledReport.CHANNELS) {
                row.add(String.valueOf(by.getOrDefault(c, 0)));
            }
            rows.add(row);
        }
        blocks.add(new Block(Kind.TABLE, "", rows));

        for (Section s : r.sections()) {
            if (!s.inDocument()) {
                continue;
            }
            blocks.add(new Block(Kind.HEADING, s.article().chapterTitle() == null || s.article().whole() ? articleName(s, locale)
                    : articleName(s, locale) + msg(locale, "legislation.report.doc.inChapter", s.article().chapterHeading())));
            if (!s.article().whole()) {
                blocks.add(new Block(Kind.LABEL, msg(locale, "legislation.report.doc.draftText")));
                blocks.add(new Block(Kind.TEXT, s.article().body()));
            }
            blocks.add(new Block(Kind.LABEL, msg(locale, "legislation.report.doc.views", s.included(),
                    channels(s.includedByChannel(), locale))));
            int i = 1;
            for (Group g : s.includedGroups()) {
                blocks.add(new Block(Kind.VIEW, msg(locale, "legislation.report.doc.view", i++, g.representative().body(),
                        g.count(), channels(g.byChannel(), locale))));
                for (var other : g.others()) {
                    blocks.add(new Block(Kind.SIMILAR, msg(locale, "legislation.report.doc.similar", other.body())));
                }
            }
            if (s.includedGroups().isEmpty()) {
                blocks.add(new Block(Kind.TEXT, msg(locale, "legislation.report.doc.noViews")));
            }
            blocks.add(new Block(Kind.LABEL, msg(locale, "legislation.report.doc.revision")));
            blocks.add(new Block(Kind.TEXT, s.revision() == null ? msg(locale, "legislation.report.doc.noRevision") : s.revision()));
        }
        return blocks;
    }

    String articleName(Section s, Locale locale) {
        return s.article().whole() ? msg(locale, "legislation.report.wholeDraft")
                : s.article().heading();
    }

    /** The contact point's name, or the online channel's (网上征求意见). */
    String pointName(CompiledReport r, Locale locale) {
        return r.online() ? msg(locale, "legislation.report.online") : r.point().name();
    }

    /** "线上 2 条、座谈会 1 条" */
    String channels(Map<String, Integer> counts, Locale locale) {
        List<String> parts = new ArrayList<>();
        counts.forEach((c, n) -> parts.add(msg(locale, "legislation.report.doc.channelCount",
                msg(locale, "legislation.report.channel." + c), n)));
        return parts.isEmpty() ? msg(locale, "legislation.report.doc.none")
                : String.join(msg(locale, "legislation.report.doc.separator"), parts);
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
