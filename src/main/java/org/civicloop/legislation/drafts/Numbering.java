package org.civicloop.legislation.drafts;

/**
 * How a draft's articles and chapters are written on every page and in every export: 第四条, 第一章 停放与充电, in
 * Chinese numerals as the draft itself writes them (also on English pages: it is the law's own numbering).
 */
public final class Numbering {

    private Numbering() {
    }

    /** 第N条. */
    public static String article(int articleNo) {
        return "\u7b2c" + ArticleSplitter.numeral(articleNo) + "\u6761";
    }

    /** 第N章, followed by the chapter's title when it has one. */
    public static String chapter(int chapterNo, String title) {
        return "\u7b2c" + ArticleSplitter.numeral(chapterNo) + "\u7ae0" + (title == null || title.isBlank() ? "" : " " + title);
    }
}
