package org.manfadh.capacity.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameKeysTests {

    @Test
    void foldsCaseSpacesAndLatinAccents() {
        assertThat(NameKeys.of("  José   ÁLVAREZ-Núñez ")).isEqualTo("jose alvarez nunez");
    }

    @Test
    void foldsTheArabicLetterFormsTypistsMix() {
        assertThat(NameKeys.of("أحمد")).isEqualTo(NameKeys.of("احمد")).isEqualTo(NameKeys.of("إحمد"));
        assertThat(NameKeys.of("فاطمة")).isEqualTo(NameKeys.of("فاطمه"));
        assertThat(NameKeys.of("مصطفى")).isEqualTo(NameKeys.of("مصطفي"));
        assertThat(NameKeys.of("مُحَمَّد")).isEqualTo(NameKeys.of("محمد"));
        assertThat(NameKeys.of("محـــمد")).isEqualTo(NameKeys.of("محمد"));
        assertThat(NameKeys.of("کاوە")).isEqualTo(NameKeys.of("كاوە"));
        assertThat(NameKeys.of("ی")).isEqualTo(NameKeys.of("ي"));
    }

    @Test
    void keepsKurdishLettersThatTellNamesApart() {
        assertThat(NameKeys.of("شێرکۆ")).isNotEqualTo(NameKeys.of("شيركو"));
        assertThat(NameKeys.of("ڕزگار")).isNotEqualTo(NameKeys.of("رزگار"));
    }
}
