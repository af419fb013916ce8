package org.manfadh.screening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LearntModelTests {

    @Test
    void stopsTheStartWithTheReadersMessageWhenTheModelCannotBeRead() {
        LearntModel model = new LearntModel(() -> {
            throw new IllegalStateException("The transliteration model screening/transliteration-model.bin cannot be used");
        });

        assertThatThrownBy(model::afterSingletonsInstantiated)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The transliteration model screening/transliteration-model.bin cannot be used");
    }

    @Test
    void givesTheModelShippedWithManfadh() {
        LearntModel model = new LearntModel();

        model.afterSingletonsInstantiated();

        assertThat(model.get().romanise("محمد", 3)).contains("muhammad");
    }
}
