package org.civicloop.legislation.drafts;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.civicloop.shared.BusinessException;

/**
 * Splits the text of a draft law or regulation into chapters and articles, as Chinese legislatures
 * write them: a chapter heading {@code 第一章 总则}, then articles {@code 第一条 ……} whose text runs
 * until the next heading. Chinese numerals up to the hundreds (and Arabic digits) are read. Whatever
 * stands before the body (the title, a table of contents, a preamble) is kept as the preamble; a
 * draft without chapters gives articles without a chapter. An added article {@code 第十二条之一} is
 * kept as an article of its own, and then every article is numbered by its position (the office
 * checks the split before opening). A {@code 第一节} heading inside a chapter is kept with the
 * article text that follows it.
 */
public final class ArticleSplitter {

    private static final String NUMERAL = "[\\d\\u96f6\\u3007\\u4e00\\u4e8c\\u4e09\\u56db\\u4e94\\u516d\\u4e03\\u516b\\u4e5d\\u5341\\u767e\\u4e24]+";
    /** 第X章 title */
    private static final Pattern CHAPTER = Pattern.compile("^\\u7b2c(" + NUMERAL + ")\\u7ae0[\\s\\u3000]*(.*)$");
    /** 第X条(之一) text */
    private static final Pattern ARTICLE = Pattern.compile("^\\u7b2c(" + NUMERAL + ")\\u6761(\\u4e4b(" + NUMERAL + "))?[\\s\\u3000]*(.*)$");

    private ArticleSplitter() {
    }

    /** One article as split: its chapter (null without chapters), its number and its text. */
    public record SplitArticle(Integer chapterNo, String chapterTitle, int articleNo, String body) {
    }

    /**
     * The split text. {@code renumbered}: the numbers as written were not 1, 2, 3 … (an added
     * {@code 之一} article, a gap, a repeat), so every article took its position as its number.
     */
    public record Split(String preamble, List<SplitArticle> articles, boolean renumbered) {
    }

    /** The paragraphs of a .docx, one line each, in order: the same text a person would paste. */
    public static String text(InputStream docx) {
        try (XWPFDocument doc = new XWPFDocument(docx)) {
            StringBuilder text = new StringBuilder();
            for (XWPFParagraph p : doc.getParagraphs()) {
                text.append(p.getText()).append('\n');
            }
            return text.toString();
        } catch (IOException | RuntimeException e) {
            throw BusinessException.invalid("legislation.draft.error.docx");
        }
    }

    public static Split split(String text) {
        List<String> lines = new ArrayList<>();
        for (String raw : (text == null ? "" : text).split("\\r?\\n|\\r")) {
            String line = raw.replace('\u3000', ' ').strip();
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        // the body starts at the first article, or at the chapter heading just before it
        int firstArticle = -1;
        for (int i = 0; i < lines.size() && firstArticle < 0; i++) {
            if (ARTICLE.matcher(lines.get(i)).matches()) {
                firstArticle = i;
            }
        }
        if (firstArticle < 0) {
            return new Split(String.join("\n", lines), List.of(), false);
        }
        int start = firstArticle;
        for (int i = firstArticle - 1; i >= 0; i--) {
            if (CHAPTER.matcher(lines.get(i)).matches()) {
                start = i;
                break;
            }
            if (!isSection(lines.get(i))) {
                break;
            }
        }
        String preamble = String.join("\n", lines.subList(0, start));
        List<String[]> found = new ArrayList<>(); // chapterNo, chapterTitle, articleNo, suffix, body
        Integer chapterNo = null;
        String chapterTitle = null;
        StringBuilder pendingHeading = new StringBuilder();
        for (String line : lines.subList(start, lines.size())) {
            Matcher c = CHAPTER.matcher(line);
            Matcher a = ARTICLE.matcher(line);
            if (c.matches()) {
                chapterNo = number(c.group(1));
                chapterTitle = c.group(2).strip();
                pendingHeading.setLength(0);
            } else if (a.matches()) {
                String body = a.group(4).strip();
                if (!pendingHeading.isEmpty()) {
                    body = pendingHeading + "\n" + body;
                    pendingHeading.setLength(0);
                }
                found.add(new String[] {chapterNo == null ? null : chapterNo.toString(), chapterTitle,
                        String.valueOf(number(a.group(1))), a.group(2) == null ? null : a.group(3), body});
            } else if (isSection(line)) {
                pendingHeading.append(pendingHeading.isEmpty() ? "" : "\n").append(line);
            } else if (!found.isEmpty()) {
                String[] last = found.get(found.size() - 1);
                last[4] = last[4].isEmpty() ? line : last[4] + "\n" + line;
            }
        }
        boolean renumbered = false;
        for (int i = 0; i < found.size(); i++) {
            if (found.get(i)[3] != null || Integer.parseInt(found.get(i)[2]) != i + 1) {
                renumbered = true;
            }
        }
        List<SplitArticle> articles = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            String[] f = found.get(i);
            articles.add(new SplitArticle(f[0] == null ? null : Integer.valueOf(f[0]), f[1],
                    renumbered ? i + 1 : Integer.parseInt(f[2]), f[4]));
        }
        return new Split(preamble, List.copyOf(articles), renumbered);
    }

    /** 第X章 …: a chapter heading (also a line of a table of contents). */
    public static boolean isChapterHeading(String line) {
        return CHAPTER.matcher(line.strip()).matches();
    }

    /** 目录: the heading of a table of contents, spaced or not. */
    public static boolean isContentsHeading(String line) {
        return line.replaceAll("[\\s\u3000]", "").equals("\u76ee\u5f55");
    }

    /** 第X节: a section heading inside a chapter. */
    private static boolean isSection(String line) {
        return line.matches("^\\u7b2c" + NUMERAL + "\\u8282.*$");
    }

    /** A number written in Chinese numerals (up to 999) or in Arabic digits. */
    public static int number(String numeral) {
        if (numeral.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(numeral);
        }
        int total = 0;
        int digit = 0;
        for (char ch : numeral.toCharArray()) {
            int d = "\u96f6\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d".indexOf(ch);
            if (ch == '\u3007') {
                d = 0;
            } else if (ch == '\u4e24') {
                d = 2;
            }
            if (d >= 0) {
                digit = d;
            } else if (ch == '\u5341') {
                total += (digit == 0 ? 1 : digit) * 10;
                digit = 0;
            } else if (ch == '\u767e') {
                total += digit * 100;
                digit = 0;
            } else if (Character.isDigit(ch)) {
                digit = digit * 10 + Character.digit(ch, 10);
            }
        }
        return total + digit;
    }

    /** 23 → 二十三, for article and chapter headings (1 to 999). */
    public static String numeral(int n) {
        String digits = "\u96f6\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d";
        StringBuilder s = new StringBuilder();
        int hundreds = n / 100;
        int tens = n / 10 % 10;
        int ones = n % 10;
        if (hundreds > 0) {
            s.append(digits.charAt(hundreds)).append('\u767e');
        }
        if (tens > 0) {
            if (!(hundreds == 0 && tens == 1)) {
                s.append(digits.charAt(tens));
            }
            s.append('\u5341');
        } else if (hundreds > 0 && ones > 0) {
            s.append('\u96f6');
        }
        if (ones > 0) {
            s.append(digits.charAt(ones));
        }
        return s.toString();
    }
}
