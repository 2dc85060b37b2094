package org.civicloop.legislation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.civicloop.legislation.drafts.ArticleSplitter;
import org.civicloop.legislation.drafts.ArticleSplitter.Split;
import org.civicloop.legislation.drafts.ArticleSplitter.SplitArticle;
import org.civicloop.shared.BusinessException;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class ArticleSplitterTests {

    /** A regulation of 7 chapters and 42 articles written for this test, with a table of contents. */
    static String regulation() throws IOException {
        return new ClassPathResource("legislation/mountain-parks.txt").getContentAsString(StandardCharsets.UTF_8);
    }

    /** The same text as a Word document: one paragraph per line, headings centred and bold as offices lay them out. */
    static byte[] docx(String text) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            for (String line : text.split("\n")) {
                XWPFParagraph p = doc.createParagraph();
                boolean heading = ArticleSplitter.isChapterHeading(line) || line.startsWith("花溪区");
                if (heading) {
                    p.setAlignment(ParagraphAlignment.CENTER);
                }
                // an article's heading in bold and its text in a second run, as Word keeps them
                int cut = line.indexOf('条');
                if (!heading && line.startsWith("第") && cut > 0 && cut < 8) {
                    XWPFRun head = p.createRun();
                    head.setBold(true);
                    head.setText(line.substring(0, cut + 1));
                    p.createRun().setText(line.substring(cut + 1));
                } else {
                    XWPFRun run = p.createRun();
                    run.setBold(heading);
                    run.setText(line);
                }
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void pastedTextAndTheSameRegulationUploadedAsDocxGiveTheSameChaptersAndArticles() throws IOException {
        Split pasted = ArticleSplitter.split(regulation());
        Split uploaded = ArticleSplitter.split(ArticleSplitter.text(new ByteArrayInputStream(docx(regulation()))));

        assertThat(pasted.articles()).hasSize(42);
        assertThat(pasted.articles().stream().map(SplitArticle::chapterNo).distinct()).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(uploaded.articles()).isEqualTo(pasted.articles());
        assertThat(uploaded.preamble()).isEqualTo(pasted.preamble());
        assertThat(pasted.renumbered()).isFalse();
        assertThat(pasted.articles()).extracting(SplitArticle::articleNo)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 42).boxed().toList());
    }

    @Test
    void theTableOfContentsStaysInThePreambleAndChaptersTakeTheirTitles() throws IOException {
        Split split = ArticleSplitter.split(regulation());
        assertThat(split.preamble()).startsWith("花溪区山体公园管理办法（草案）").contains("目录").contains("第七章 附则");
        SplitArticle first = split.articles().get(0);
        assertThat(first.chapterNo()).isEqualTo(1);
        assertThat(first.chapterTitle()).isEqualTo("总则");
        assertThat(first.body()).startsWith("为了保护山体资源");
        SplitArticle nine = split.articles().get(8);
        assertThat(nine.chapterTitle()).isEqualTo("规划与建设");
        // the lead sentence and its four items
        assertThat(nine.body().split("\n")).hasSize(5);
        assertThat(split.articles().get(41).chapterTitle()).isEqualTo("附则");
        assertThat(split.articles().get(41).body()).isEqualTo("本办法自2027年3月1日起施行。");
    }

    @Test
    void aDraftWithoutChaptersGivesArticlesWithoutAChapter() {
        Split split = ArticleSplitter.split("某某规定\n第一条 甲。\n第二条 乙。\n其二段。\n第三条 丙。");
        assertThat(split.preamble()).isEqualTo("某某规定");
        assertThat(split.articles()).containsExactly(new SplitArticle(null, null, 1, "甲。"),
                new SplitArticle(null, null, 2, "乙。\n其二段。"), new SplitArticle(null, null, 3, "丙。"));
    }

    @Test
    void anAddedArticleOfItsOwnRenumbersEveryArticleByItsPlace() {
        Split split = ArticleSplitter.split("第一章 总则\n第一条 甲。\n第一条之一 甲之一。\n第二条 乙。");
        assertThat(split.renumbered()).isTrue();
        assertThat(split.articles()).extracting(SplitArticle::articleNo).containsExactly(1, 2, 3);
        assertThat(split.articles()).extracting(SplitArticle::body).containsExactly("甲。", "甲之一。", "乙。");
    }

    @Test
    void chineseNumeralsUpToTheHundredsAreRead() {
        assertThat(ArticleSplitter.number("十")).isEqualTo(10);
        assertThat(ArticleSplitter.number("十二")).isEqualTo(12);
        assertThat(ArticleSplitter.number("二十")).isEqualTo(20);
        assertThat(ArticleSplitter.number("九十九")).isEqualTo(99);
        assertThat(ArticleSplitter.number("一百")).isEqualTo(100);
        assertThat(ArticleSplitter.number("一百零五")).isEqualTo(105);
        assertThat(ArticleSplitter.number("一百一十")).isEqualTo(110);
        assertThat(ArticleSplitter.number("二百三十四")).isEqualTo(234);
        assertThat(ArticleSplitter.number("12")).isEqualTo(12);
        for (int n = 1; n < 1000; n++) {
            assertThat(ArticleSplitter.number(ArticleSplitter.numeral(n))).as("%d", n).isEqualTo(n);
        }
        Split big = ArticleSplitter.split("第一百零一条 甲。\n第一百零二条 乙。");
        assertThat(big.articles()).extracting(SplitArticle::articleNo).containsExactly(1, 2);
        assertThat(big.renumbered()).isTrue();
    }

    @Test
    void somethingThatIsNotAWordFileIsRefusedWithAMessage() {
        assertThatThrownBy(() -> ArticleSplitter.text(new ByteArrayInputStream("not a docx".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(BusinessException.class).extracting("messageKey").isEqualTo("legislation.draft.error.docx");
    }
}
