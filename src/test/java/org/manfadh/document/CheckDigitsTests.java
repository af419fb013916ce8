package org.manfadh.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckDigitsTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // ICAO Doc 9303 Part 3, worked examples
            "520727, 3",
            "AB2134<<<, 5",
            // the specimen passport (Part 4)
            "L898902C3, 6",
            "740812, 2",
            "120415, 9",
            "ZE184226B<<<<<, 1",
            "L898902C3674081221204159ZE184226B<<<<<1, 0",
            // the specimen identity cards (Parts 5 and 6)
            "D23145890, 7",
            "D231458907<<<<<<<<<<<<<<<74081221204159<<<<<<<<<<<, 6",
            "D23145890774081221204159<<<<<<<, 6",
            "D23145890734, 9",
            "340712, 7",
            "950712, 2",
            // the specimen visas (Part 7)
            "L8988901C, 4",
            "400907, 8",
            "961210, 9",
            // fillers only are worth nothing
            "<<<<<<<<<<<<<<, 0",
            "'', 0"
    })
    void computesTheIcaoCheckDigit(String field, char expected) {
        assertThat(CheckDigits.of(field)).isEqualTo(expected);
        assertThat(CheckDigits.compute(field.toCharArray(), 0, field.length())).isEqualTo(expected - '0');
        assertThat(Zone.checkDigit(field)).isEqualTo(expected);
    }

    @Test
    void valuesDigitsLettersAndTheFiller() {
        assertThat(CheckDigits.value('0')).isZero();
        assertThat(CheckDigits.value('9')).isEqualTo(9);
        assertThat(CheckDigits.value('A')).isEqualTo(10);
        assertThat(CheckDigits.value('K')).isEqualTo(20);
        assertThat(CheckDigits.value('Z')).isEqualTo(35);
        assertThat(CheckDigits.value('<')).isZero();
    }

    @Test
    void valuesEveryOtherCharacterAsInvalid() {
        for (char c : new char[] {'a', 'z', ' ', '-', '\t', 'É', '١', '\u0000', '\uffff', '/', ':', '@', '[', '`'}) {
            assertThat(CheckDigits.value(c)).as("value of U+%04X", (int) c).isEqualTo(-1);
        }
    }

    @Test
    void weighsSevenThreeOne() {
        assertThat(CheckDigits.sum("1".toCharArray(), 0, 1, 0)).isEqualTo(7);
        assertThat(CheckDigits.sum("11".toCharArray(), 0, 2, 0)).isEqualTo(10);
        assertThat(CheckDigits.sum("111".toCharArray(), 0, 3, 0)).isEqualTo(11);
        assertThat(CheckDigits.sum("1111".toCharArray(), 0, 4, 0)).isEqualTo(18);
        assertThat(CheckDigits.sum("Z".toCharArray(), 0, 1, 0)).isEqualTo(245);
    }

    @Test
    void continuesTheWeightCycleAcrossPieces() {
        char[] whole = "L898902C3674081221204159ZE184226B<<<<<1".toCharArray();
        int sum = CheckDigits.sum(whole, 0, 10, 0) + CheckDigits.sum(whole, 10, 17, 10)
                + CheckDigits.sum(whole, 17, whole.length, 17);

        assertThat(sum).isEqualTo(CheckDigits.sum(whole, 0, whole.length, 0));
        assertThat(sum % 10).isZero();
        assertThat(CheckDigits.sum("XY1".toCharArray(), 2, 3, 1)).isEqualTo(3);
        assertThat(CheckDigits.sum("XY1".toCharArray(), 2, 3, 2)).isEqualTo(1);
    }

    @Test
    void computesOverPartOfALine() {
        char[] line = "L898902C36UTO7408122F1204159ZE184226B<<<<<10".toCharArray();

        assertThat(CheckDigits.compute(line, 0, 9)).isEqualTo(6);
        assertThat(CheckDigits.compute(line, 13, 19)).isEqualTo(2);
        assertThat(CheckDigits.compute(line, 21, 27)).isEqualTo(9);
        assertThat(CheckDigits.compute(line, 28, 42)).isEqualTo(1);
    }
}
