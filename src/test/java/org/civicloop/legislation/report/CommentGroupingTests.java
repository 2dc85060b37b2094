package org.civicloop.legislation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicloop.legislation.report.CompiledReport.Comment;
import org.civicloop.legislation.report.CompiledReport.Group;
import org.junit.jupiter.api.Test;

/** The grouping rule with given vectors: by meaning when there are vectors, by words when there are none. */
class CommentGroupingTests {

    static final String FINE_UP = "建议把罚款金额提高一些，现在太低了";
    static final String FINE_HEAVIER = "罚得太轻，起不到震慑作用，应当加重处罚";
    static final String BARKING = "我家楼下的狗天天叫";
    static final String LEASH = "遛狗必须牵绳，建议写明绳长不超过一点五米";
    static final String LEASH_AGAIN = "建议写明遛狗必须牵绳，绳长不得超过一点五米";

    static Comment comment(long id, String body) {
        return new Comment(id, 1L, "QR", body, Instant.parse("2026-03-01T02:00:00Z").plusSeconds(id), null, null, null);
    }

    /** A unit vector at {@code degrees} in a plane: the cosine of two is the cosine of their angle. */
    static float[] at(double degrees) {
        double r = Math.toRadians(degrees);
        return new float[] {(float) Math.cos(r), (float) Math.sin(r), 0};
    }

    static List<List<Long>> ids(List<Group> groups) {
        return groups.stream().map(g -> g.comments().stream().map(Comment::id).toList()).toList();
    }

    @Test
    void rewordedCommentsWithCloseVectorsFormOneGroupAndAFarOneStandsAlone() {
        List<Comment> comments = List.of(comment(1, FINE_UP), comment(2, BARKING), comment(3, FINE_HEAVIER));
        // cos 20° = 0.94, cos 70° = 0.34
        Map<Long, float[]> vectors = Map.of(1L, at(0), 2L, at(70), 3L, at(20));

        assertThat(ids(Reports.group(comments, vectors, 0.74))).containsExactly(List.of(1L, 3L), List.of(2L));
        // the threshold decides: cos 20° is below 0.95
        assertThat(ids(Reports.group(comments, vectors, 0.95))).containsExactly(List.of(1L), List.of(2L), List.of(3L));
    }

    @Test
    void withoutVectorsTheWordRuleGroupsAsBefore() {
        List<Comment> comments = List.of(comment(1, FINE_UP), comment(2, LEASH), comment(3, FINE_HEAVIER), comment(4, LEASH_AGAIN));

        // the model still loading: the reworded pair shares no words and stays apart, the near-identical one is grouped
        assertThat(ids(Reports.group(comments, null, 0.74)))
                .isEqualTo(ids(Reports.group(comments)))
                .containsExactly(List.of(1L), List.of(2L, 4L), List.of(3L));
    }

    @Test
    void aCommentWithoutAVectorIsComparedByWordsAndTheSameTextAlwaysJoins() {
        List<Comment> comments = List.of(comment(1, LEASH), comment(2, FINE_UP), comment(3, LEASH_AGAIN), comment(4, FINE_UP));
        Map<Long, float[]> vectors = new HashMap<>();
        vectors.put(1L, at(0));
        vectors.put(2L, at(90));
        vectors.put(4L, at(0)); // as close to the leash comment as can be, yet the same text as comment 2

        assertThat(ids(Reports.group(comments, vectors, 0.74))).containsExactly(List.of(1L, 3L), List.of(2L, 4L));
    }

    @Test
    void aCommentJoinsTheClosestGroupNotTheFirstThatIsCloseEnough() {
        List<Comment> comments = List.of(comment(1, "甲"), comment(2, "乙"), comment(3, "丙"));
        // 1 and 2 are 50° apart (0.64): two groups; 3 lies 35° from 1 (0.82) and 15° from 2 (0.97)
        Map<Long, float[]> vectors = Map.of(1L, at(0), 2L, at(50), 3L, at(35));

        assertThat(ids(Reports.group(comments, vectors, 0.74))).containsExactly(List.of(1L), List.of(2L, 3L));
    }
}
