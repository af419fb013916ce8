package org.manfadh.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class PageTests {

    @Test
    void countsPagesFromTheTotal() {
        Page<String> page = Page.of(List.of("a", "b"), PageRequest.of(2, 2), 5);

        assertThat(page.page().totalPages()).isEqualTo(3);
        assertThat(page.page().number()).isEqualTo(2);
        assertThat(PageRequest.of(2, 2).offset()).isEqualTo(4);
    }

    @Test
    void defaultsToTheFirstPageOfFifty() {
        assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(0, 50));
    }

    @Test
    void refusesPagesBeyondTheLimits() {
        assertThatThrownBy(() -> PageRequest.of(0, 1001)).isInstanceOf(Rejection.class);
        assertThatThrownBy(() -> PageRequest.of(-1, 10)).isInstanceOf(Rejection.class);
        assertThatThrownBy(() -> PageRequest.of(0, 0)).isInstanceOf(Rejection.class);
        assertThat(PageRequest.of(0, 1000).size()).isEqualTo(1000);
    }
}
