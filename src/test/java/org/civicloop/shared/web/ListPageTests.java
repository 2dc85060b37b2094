package org.civicloop.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ListPageTests {

    private static final List<Integer> HUNDRED_AND_ONE = IntStream.rangeClosed(1, 101).boxed().toList();

    @Test
    void aPageIsItsSliceOfTheList() {
        ListPage<Integer> second = ListPage.of(HUNDRED_AND_ONE, 1, 50);
        assertThat(second.items()).containsExactlyElementsOf(IntStream.rangeClosed(51, 100).boxed().toList());
        assertThat(second.pages()).isEqualTo(3);
        assertThat(second.total()).isEqualTo(101);
        assertThat(ListPage.of(HUNDRED_AND_ONE, 2, 50).items()).containsExactly(101);
    }

    @Test
    void aPageOutsideTheListIsBroughtWithinIt() {
        assertThat(ListPage.of(HUNDRED_AND_ONE, 7, 50).page()).isEqualTo(2);
        assertThat(ListPage.of(HUNDRED_AND_ONE, -3, 50).items()).startsWith(1).hasSize(50);
        ListPage<Integer> empty = ListPage.of(List.of(), 4, 50);
        assertThat(empty.items()).isEmpty();
        assertThat(empty.page()).isZero();
        assertThat(empty.pages()).isOne();
    }
}
