package org.manfadh.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.Tuple.Tuple3;
import net.jqwik.api.statistics.Statistics;
import org.manfadh.referencedata.IcaoCodes;

class MrzPropertiesTests {

    private static final String MRZ_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";

    private final MrzReader reader = new MrzReader(IcaoCodes.bundled()::contains,
            Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC));

    @Provide
    Arbitrary<GeneratedDocument> documents() {
        return Arbitraries.randomValue(GeneratedDocument::random);
    }

    /** A document and one position of it inside a field covered by a check digit, or a check digit. */
    @Provide
    Arbitrary<Tuple3<GeneratedDocument, Integer, Integer>> checkedPositions() {
        return documents().flatMap(document -> Arbitraries.of(document.checkedPositions())
                .map(place -> Tuple.of(document, place[0], place[1])));
    }

    /** A document and one digit of it in a date or check digit, which OCR may have read as a letter. */
    @Provide
    Arbitrary<Tuple2<GeneratedDocument, int[]>> numericPositions() {
        return documents().flatMap(document -> {
            List<int[]> numeric = numericDigits(document);
            return numeric.isEmpty() ? Arbitraries.just(Tuple.of(document, (int[]) null))
                    : Arbitraries.of(numeric).map(place -> Tuple.of(document, place));
        });
    }

    @Property(tries = 1000)
    void readsEveryGeneratedDocumentBackToItsFields(@ForAll("documents") GeneratedDocument document) {
        MrzResult result = reader.read(document.text(), document.today());

        assertThat(result.errors()).as(document.text()).isEmpty();
        assertThat(result.valid()).isTrue();
        assertSameFields(result, document);
        assertThat(result.warnings()).extracting(MrzProblem::code)
                .as(document.text()).containsExactlyInAnyOrderElementsOf(document.warnings());
        Statistics.label("format").collect(document.format());
        Statistics.label("overflow").collect(document.documentNumber().length() > 9);
    }

    /**
     * Every change of one character in a checked position is caught, unless the two characters are
     * worth the same modulo 10, which no 7-3-1 check digit can tell apart. A letter that OCR
     * confuses with the original digit may instead be repaired back: then the document reads as
     * before, with the repair named.
     */
    @Property(tries = 1000)
    void catchesEverySingleCharacterChangeInACheckedPosition(
            @ForAll("checkedPositions") Tuple3<GeneratedDocument, Integer, Integer> change) {
        GeneratedDocument document = change.get1();
        int line = change.get2();
        int position = change.get3();
        char original = Zone.at(document.text(), line, position);

        for (char replacement : MRZ_ALPHABET.toCharArray()) {
            if (replacement == original || Zone.value(replacement) % 10 == Zone.value(original) % 10) {
                continue;
            }
            String changed = Zone.replace(document.text(), line, position, replacement);
            MrzResult result = reader.read(changed, document.today());

            assertThat(result.valid()).isEqualTo(result.errors().isEmpty());
            if (!result.valid()) {
                continue;
            }
            assertThat(result.warnings())
                    .as("%s read valid after %s at line %d position %d became %s", changed, original, line,
                            position, replacement)
                    .anySatisfy(p -> {
                        assertThat(p.code()).isEqualTo(MrzProblemCode.OCR_REPAIRED);
                        assertThat(p.line()).isEqualTo(line);
                        assertThat(p.position()).isEqualTo(position);
                    });
            // A filler read as O, Q or D is repaired to 0, which no check digit tells from the filler.
            boolean repairedToSameValue = original == '<' && "OQD".indexOf(replacement) >= 0;
            if (!repairedToSameValue) {
                assertSameFields(result, document);
            }
        }
    }

    @Property(tries = 500)
    void repairsADigitOcrReadAsALetterInADateOrCheckDigit(
            @ForAll("numericPositions") Tuple2<GeneratedDocument, int[]> change) {
        GeneratedDocument document = change.get1();
        int[] place = change.get2();
        if (place == null) {
            return;
        }
        char digit = Zone.at(document.text(), place[0], place[1]);
        for (char letter : lettersFor(digit)) {
            String changed = Zone.replace(document.text(), place[0], place[1], letter);

            MrzResult result = reader.read(changed, document.today());

            assertThat(result.errors()).as(changed).isEmpty();
            assertSameFields(result, document);
            assertThat(result.warnings()).filteredOn(p -> p.code() == MrzProblemCode.OCR_REPAIRED).singleElement()
                    .satisfies(p -> {
                        assertThat(p.line()).isEqualTo(place[0]);
                        assertThat(p.position()).isEqualTo(place[1]);
                    });
        }
    }

    @Property(tries = 500)
    void readsTheSameDocumentWhateverItsCaseLineEndsAndTrailingBlanks(
            @ForAll("documents") GeneratedDocument document) {
        String untidy = document.text().lines()
                .map(line -> line.toLowerCase() + " \t ")
                .collect(Collectors.joining("\r\n\r\n", "\n \n", "\r\n"));

        MrzResult tidy = reader.read(document.text(), document.today());
        MrzResult result = reader.read(untidy, document.today());

        assertThat(result).usingRecursiveComparison().isEqualTo(tidy);
    }

    // -------------------------------------------------------------------------------------------

    static void assertSameFields(MrzResult result, GeneratedDocument document) {
        assertThat(result.format()).as("format").isEqualTo(document.format());
        assertThat(result.documentCode()).as("documentCode").isEqualTo(document.documentCode());
        assertThat(result.issuingState()).as("issuingState").isEqualTo(document.issuingState());
        assertThat(result.documentNumber()).as("documentNumber").isEqualTo(document.documentNumber());
        assertThat(result.surname()).as("surname").isEqualTo(document.surname());
        assertThat(result.givenNames()).as("givenNames").isEqualTo(document.givenNames());
        assertThat(result.nameTruncated()).as("nameTruncated").isEqualTo(document.nameTruncated());
        assertThat(result.nationality()).as("nationality").isEqualTo(document.nationality());
        assertThat(result.dateOfBirth()).as("dateOfBirth").isEqualTo(document.dateOfBirth());
        assertThat(result.sex()).as("sex").isEqualTo(document.sex());
        assertThat(result.dateOfExpiry()).as("dateOfExpiry").isEqualTo(document.dateOfExpiry());
        assertThat(result.optionalData()).as("optionalData").isEqualTo(document.optionalData());
        assertThat(result.optionalData2()).as("optionalData2").isEqualTo(document.optionalData2());
    }

    /** Positions holding a digit in a date or in a check digit the reader may repair. */
    private static List<int[]> numericDigits(GeneratedDocument document) {
        List<int[]> places = new ArrayList<>();
        boolean td1 = document.format() == MrzFormat.TD1;
        int lower = 2;
        int[] dates = td1 ? new int[] {1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15}
                : new int[] {14, 15, 16, 17, 18, 19, 20, 22, 23, 24, 25, 26, 27, 28};
        for (int p : dates) {
            places.add(new int[] {lower, p});
        }
        if (document.documentNumber().length() <= 9) {
            places.add(td1 ? new int[] {1, 15} : new int[] {2, 10});
        }
        switch (document.format()) {
            case TD1 -> places.add(new int[] {2, 30});
            case TD2 -> places.add(new int[] {2, 36});
            case TD3 -> {
                places.add(new int[] {2, 43});
                places.add(new int[] {2, 44});
            }
            default -> {
            }
        }
        places.removeIf(place -> lettersFor(Zone.at(document.text(), place[0], place[1])).length == 0);
        return places;
    }

    private static char[] lettersFor(char digit) {
        return switch (digit) {
            case '0' -> new char[] {'O', 'Q', 'D'};
            case '1' -> new char[] {'I'};
            case '2' -> new char[] {'Z'};
            case '5' -> new char[] {'S'};
            case '6' -> new char[] {'G'};
            case '8' -> new char[] {'B'};
            default -> new char[0];
        };
    }
}
