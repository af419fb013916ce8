package org.manfadh.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.time.api.Dates;
import org.manfadh.referencedata.IcaoCodes;

/** No input makes the reader throw, and every result it gives is consistent. */
class MrzFuzzTests {

    private static final String MRZ_LIKE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789<<<<<<<<\n\n\r \t";

    private final MrzReader reader = new MrzReader(IcaoCodes.bundled()::contains,
            Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC));

    @Property(tries = 2000)
    void neverThrowsOnArbitraryText(@ForAll @StringLength(max = 400) String text) {
        assertConsistent(text, reader.read(text));
    }

    @Property(tries = 1000)
    void neverThrowsOnTextMadeOfZoneCharactersAndLineBreaks(@ForAll("zoneLikeText") String text) {
        assertConsistent(text, reader.read(text));
    }

    @Property(tries = 200)
    void neverThrowsOnVeryLongLines(@ForAll("longText") String text) {
        assertConsistent(text, reader.read(text));
    }

    @Property(tries = 3000)
    void neverThrowsOnMutatedValidZones(@ForAll("mutatedZones") String text) {
        assertConsistent(text, reader.read(text));
    }

    @Property(tries = 1000)
    void neverThrowsWhateverTheDay(@ForAll("anyDay") LocalDate today, @ForAll("mutatedZones") String text) {
        assertConsistent(text, reader.read(text, today));
    }

    @Example
    void neverThrowsOnTheFirstAndLastDaysOfTheCalendar() {
        Random random = new Random(9303);
        for (LocalDate today : List.of(LocalDate.MIN, LocalDate.MAX, LocalDate.MIN.plusYears(99),
                LocalDate.MAX.minusYears(49), LocalDate.of(0, 1, 1), LocalDate.of(-1, 12, 31))) {
            for (int i = 0; i < 200; i++) {
                String text = GeneratedDocument.random(random).text();
                assertConsistent(text, reader.read(text, today));
            }
            for (String text : List.of(Specimens.TD1, Specimens.TD2, Specimens.TD3, Specimens.MRV_A,
                    Specimens.MRV_B, Specimens.TD1_OVERFLOW)) {
                assertConsistent(text, reader.read(text, today));
            }
        }
    }

    @Property(tries = 300)
    void neverThrowsOnZonesMadeOfOneRepeatedCharacter(
            @ForAll @Chars({'<', '0', 'O', '1', 'I', '\u0000', ' ', 'V', 'P'})
            @CharRange(from = '\u0080', to = '\u00ff') char c, @ForAll("shapes") int[] shape) {
        StringBuilder text = new StringBuilder();
        for (int length : shape) {
            text.append(String.valueOf(c).repeat(length)).append('\n');
        }
        assertConsistent(text.toString(), reader.read(text.toString()));
    }

    // --- generators ----------------------------------------------------------------------------

    @Provide
    Arbitrary<String> zoneLikeText() {
        return Arbitraries.strings().withChars(MRZ_LIKE).ofMaxLength(140);
    }

    @Provide
    Arbitrary<String> longText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars(MRZ_LIKE.replace("\n", "")).ofMinLength(1000).ofMaxLength(20_000),
                Arbitraries.strings().all().ofMinLength(1000).ofMaxLength(5_000),
                Arbitraries.strings().withChars("<\n").ofMinLength(1000).ofMaxLength(20_000));
    }

    @Provide
    Arbitrary<LocalDate> anyDay() {
        return Arbitraries.oneOf(
                Dates.dates().between(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31)),
                Arbitraries.longs().between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay())
                        .map(LocalDate::ofEpochDay),
                Arbitraries.of(LocalDate.MIN, LocalDate.MAX));
    }

    /** Line lengths near those of the ICAO formats. */
    @Provide
    Arbitrary<int[]> shapes() {
        Arbitrary<Integer> length = Arbitraries.oneOf(Arbitraries.of(0, 1, 29, 30, 31, 35, 36, 37, 43, 44, 45),
                Arbitraries.integers().between(0, 100));
        return length.array(int[].class).ofMinSize(1).ofMaxSize(4);
    }

    /**
     * Valid zones of every format, then changed at random: characters replaced, inserted and deleted,
     * text cut short, lines doubled, dropped, joined and swapped.
     */
    @Provide
    Arbitrary<String> mutatedZones() {
        return Arbitraries.randomValue(random -> mutate(random, GeneratedDocument.random(random).text()));
    }

    private static final String NOISE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<abcxyz \t\r\n-/.,'\u00c9\u00e4\u0639\u0661"
            + "\uff11\u00a0\u200b\ufeff\u0000\u2028\u0085";

    private static String mutate(Random random, String zone) {
        StringBuilder text = new StringBuilder(zone);
        int changes = 1 + random.nextInt(random.nextInt(4) == 0 ? 12 : 3);
        for (int i = 0; i < changes; i++) {
            int at = text.isEmpty() ? 0 : random.nextInt(text.length());
            switch (random.nextInt(10)) {
                case 0, 1, 2 -> {
                    if (!text.isEmpty()) {
                        text.setCharAt(at, noise(random));
                    }
                }
                case 3, 4 -> text.insert(at, noise(random));
                case 5 -> {
                    if (!text.isEmpty()) {
                        text.deleteCharAt(at);
                    }
                }
                case 6 -> text.setLength(at);
                case 7 -> text.replace(0, text.length(), changeLines(random, text.toString()));
                case 8 -> text.insert(at, surrogates(random));
                default -> {
                    if (!text.isEmpty()) {
                        text.setCharAt(at, Character.toLowerCase(text.charAt(at)));
                    }
                }
            }
        }
        return text.toString();
    }

    private static char noise(Random random) {
        return NOISE.charAt(random.nextInt(NOISE.length()));
    }

    private static String surrogates(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> "\uD83D\uDE00";
            case 1 -> "\uD83D";
            default -> "\uDE00";
        };
    }

    private static String changeLines(Random random, String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int at = random.nextInt(lines.size());
        switch (random.nextInt(5)) {
            case 0 -> lines.add(at, lines.get(at));
            case 1 -> lines.remove(at);
            case 2 -> {
                if (at + 1 < lines.size()) {
                    lines.set(at, lines.get(at) + lines.remove(at + 1));
                }
            }
            case 3 -> lines.add(at, "");
            default -> {
                if (at + 1 < lines.size()) {
                    lines.set(at, lines.set(at + 1, lines.get(at)));
                }
            }
        }
        return String.join(random.nextBoolean() ? "\n" : "\r\n", lines);
    }

    // -------------------------------------------------------------------------------------------

    static void assertConsistent(String text, MrzResult result) {
        assertThat(result).as("result for %s", text).isNotNull();
        assertThat(result.valid()).as("valid exactly without errors, for %s", text)
                .isEqualTo(result.errors().isEmpty());
        assertThat(result.errors()).isNotNull().doesNotContainNull();
        assertThat(result.warnings()).isNotNull().doesNotContainNull();
        assertThat(Stream.concat(result.errors().stream(), result.warnings().stream())).allSatisfy(p -> {
            assertThat(p.message()).isNotBlank();
            assertThat(p.field()).isNotBlank();
            if (p.line() != null) {
                assertThat(p.line()).isPositive();
            }
            if (p.position() != null) {
                assertThat(p.line()).isNotNull();
                assertThat(p.position()).isPositive();
            }
        });
        assertThat(result.errors()).allSatisfy(p -> assertThat(p.code().severity())
                .isEqualTo(MrzProblemCode.Severity.ERROR));
        assertThat(result.warnings()).allSatisfy(p -> assertThat(p.code().severity())
                .isEqualTo(MrzProblemCode.Severity.WARNING));
        if (result.format() == null) {
            assertThat(result.valid()).isFalse();
            assertThat(Stream.of(result.documentCode(), result.issuingState(), result.documentNumber(),
                    result.surname(), result.givenNames(), result.nationality(), result.dateOfBirth(), result.sex(),
                    result.dateOfExpiry(), result.optionalData(), result.optionalData2()))
                    .as("fields of an unreadable zone, for %s", text).containsOnlyNulls();
            assertThat(result.nameTruncated()).isFalse();
            assertThat(result.warnings()).isEmpty();
        } else {
            assertThat(result.documentCode()).isNotNull();
            assertThat(result.documentNumber()).isNotNull();
            assertThat(result.surname()).isNotNull();
            assertThat(result.givenNames()).isNotNull();
        }
    }
}
