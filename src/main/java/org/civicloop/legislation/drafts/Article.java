package org.civicloop.legislation.drafts;

/**
 * One article of a draft, in its place. {@code chapterNo} and {@code chapterTitle} are null for a
 * draft without chapters; {@code id} is null until stored.
 */
public record Article(Long id, int position, Integer chapterNo, String chapterTitle, int articleNo, String body) {

    Article at(int newPosition) {
        return new Article(null, newPosition, chapterNo, chapterTitle, articleNo, body);
    }

    Article withBody(String newBody) {
        return new Article(null, position, chapterNo, chapterTitle, articleNo, newBody);
    }

    Article numbered(int no) {
        return new Article(null, position, chapterNo, chapterTitle, no, body);
    }

    /** Its text, paragraph by paragraph. */
    public java.util.List<String> paragraphs() {
        return body.lines().filter(l -> !l.isBlank()).toList();
    }

    /** Its heading, 第N条, in Chinese (the office's and the public's pages show this). */
    public String heading() {
        return Numbering.article(articleNo);
    }

    /** Its chapter's heading, 第N章 title, or null. */
    public String chapterHeading() {
        return chapterNo == null ? null : Numbering.chapter(chapterNo, chapterTitle);
    }
}
