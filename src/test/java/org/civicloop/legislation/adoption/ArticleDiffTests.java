package org.civicloop.legislation.adoption;

import org.civicloop.legislation.drafts.ArticleSplitter;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.civicloop.legislation.adoption.ArticleDiff.Change;
import org.civicloop.legislation.adoption.ArticleDiff.DraftArticle;
import org.civicloop.legislation.adoption.ArticleDiff.Kind;
import org.civicloop.legislation.adoption.ArticleDiff.Segment;
import org.junit.jupiter.api.Test;

/** A draft and its final text with an article deleted, one inserted, one amended and the rest renumbered. */
class ArticleDiffTests {

    static final String DRAFT = """
            贵阳市养犬管理条例（草案）
            第一章 总则
            第一条 为了规范养犬行为，保障公民人身安全，维护市容环境卫生和社会公共秩序，根据有关法律、法规，结合本市实际，制定本条例。
            第二条 本市行政区域内养犬及其相关管理活动，适用本条例。军队、警察以及其他特定单位因工作需要养犬的除外。
            第三条 养犬管理坚持政府主导、部门协作、基层参与、养犬人自律和社会监督相结合的原则。
            第二章 养犬登记
            第四条 个人养犬的，应当在取得犬只后三十日内向居住地公安机关申请养犬登记，并提交犬只免疫证明。
            第五条 养犬人携犬出户时，应当为犬只束犬链，由完全民事行为能力人牵领，并主动避让行人。
            """;

    static final String FINAL = """
            贵阳市养犬管理条例
            第一章 总则
            第一条 为了规范养犬行为，保障公民人身安全，维护市容环境卫生和社会公共秩序，根据有关法律、法规，结合本市实际，制定本条例。
            第二条 养犬管理坚持政府主导、部门协作、基层参与、养犬人自律和社会监督相结合的原则。
            第二章 养犬登记
            第三条 个人养犬的，应当在取得犬只后十五日内向居住地公安机关申请养犬登记，并提交犬只狂犬病免疫证明。
            第四条 居民委员会、村民委员会可以召集居民、村民依法制定养犬公约，并组织监督实施。
            第五条 养犬人携犬出户时，应当为犬只束犬链，由完全民事行为能力人牵领，并主动避让行人。
            """;

    @Test
    void readsChaptersAndArticlesInChineseNumerals() {
        List<ArticleSplitter.SplitArticle> articles = ArticleSplitter.split(FINAL).articles();
        assertThat(articles).extracting(ArticleSplitter.SplitArticle::articleNo).containsExactly(1, 2, 3, 4, 5);
        assertThat(articles.get(2).chapterNo()).isEqualTo(2);
        assertThat(articles.get(2).chapterTitle()).isEqualTo("养犬登记");
        assertThat(ArticleSplitter.number("十二")).isEqualTo(12);
        assertThat(ArticleSplitter.number("二十")).isEqualTo(20);
        assertThat(ArticleSplitter.number("一百零五")).isEqualTo(105);
        assertThat(ArticleSplitter.number("一百一十")).isEqualTo(110);
    }

    @Test
    void anInsertedADeletedAndARenumberedArticleGiveTheRightDifferences() {
        List<ArticleSplitter.SplitArticle> draftArticles = ArticleSplitter.split(DRAFT).articles();
        List<DraftArticle> draft = draftArticles.stream()
                .map(a -> new DraftArticle(100 + a.articleNo(), a.articleNo(), a.body())).toList();
        List<Change> changes = ArticleDiff.compare(draft, ArticleSplitter.split(FINAL).articles());

        assertThat(changes).extracting(Change::kind, Change::draftNo, Change::finalNo).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.UNCHANGED, 1, 1),
                org.assertj.core.groups.Tuple.tuple(Kind.DELETED, 2, null),
                org.assertj.core.groups.Tuple.tuple(Kind.UNCHANGED, 3, 2),
                org.assertj.core.groups.Tuple.tuple(Kind.AMENDED, 4, 3),
                org.assertj.core.groups.Tuple.tuple(Kind.INSERTED, null, 4),
                org.assertj.core.groups.Tuple.tuple(Kind.UNCHANGED, 5, 5));
        assertThat(changes.get(2).renumbered()).isTrue();
        assertThat(changes.get(2).draftArticleId()).isEqualTo(103L);
        assertThat(changes.get(0).renumbered()).isFalse();
        assertThat(changes.get(5).renumbered()).isFalse();

        // the amended article: 三十 became 十五 (三 deleted, 五 inserted) and 狂犬病 was inserted
        List<Segment> amended = changes.get(3).segments();
        assertThat(amended.stream().filter(Segment::deleted).map(Segment::text)).containsExactly("三");
        assertThat(amended.stream().filter(Segment::inserted).map(Segment::text)).containsExactly("五", "狂犬病");
        assertThat(String.join("", amended.stream().filter(s -> !s.inserted()).map(Segment::text).toList()))
                .isEqualTo(draftArticles.get(3).body());
        assertThat(String.join("", amended.stream().filter(s -> !s.deleted()).map(Segment::text).toList()))
                .isEqualTo(ArticleSplitter.split(FINAL).articles().get(2).body());
        // a deleted article is all deletion, an inserted one all insertion
        assertThat(changes.get(1).segments()).extracting(Segment::type).containsExactly("DELETE");
        assertThat(changes.get(4).segments()).extracting(Segment::type).containsExactly("INSERT");
    }
}
