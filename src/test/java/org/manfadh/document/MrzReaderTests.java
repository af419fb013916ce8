package org.manfadh.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.manfadh.document.MrzProblemCode.*;

import org.manfadh.document.MrzProblemCode.Severity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.manfadh.referencedata.IcaoCodes;

class MrzReaderTests {

    /** The day the ICAO specimens were still current. */
    static final LocalDate SPECIMEN_DAY = LocalDate.of(2010, 1, 1);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    static final MrzReader READER = new MrzReader(IcaoCodes.bundled()::contains,
            Clock.fixed(Instant.parse("2010-01-01T12:00:00Z"), ZoneOffset.UTC));

    /** Reads on the specimen day (the reader's clock), checking what must hold of every result. */
    static MrzResult read(String text) {
        return consistent(READER.read(text));
    }

    static MrzResult read(String text, LocalDate today) {
        return consistent(READER.read(text, today));
    }

    static MrzResult consistent(MrzResult result) {
        assertThat(result).isNotNull();
        assertThat(result.valid()).as("valid exactly when there are no errors").isEqualTo(result.errors().isEmpty());
        assertThat(result.errors()).allSatisfy(p -> assertThat(p.code().severity()).isEqualTo(Severity.ERROR));
        assertThat(result.warnings()).allSatisfy(p -> assertThat(p.code().severity()).isEqualTo(Severity.WARNING));
        if (result.format() == null) {
            assertThat(result.valid()).isFalse();
            assertThat(Stream.of(result.documentCode(), result.issuingState(), result.documentNumber(),
                    result.surname(), result.givenNames(), result.nationality(), result.dateOfBirth(), result.sex(),
                    result.dateOfExpiry(), result.optionalData(), result.optionalData2())).containsOnlyNulls();
            assertThat(result.nameTruncated()).isFalse();
        }
        return result;
    }

    static List<MrzProblemCode> codes(List<MrzProblem> problems) {
        return problems.stream().map(MrzProblem::code).toList();
    }

    /** Replaces a check digit by another digit, so that no OCR repair can explain it away. */
    static String withWrongDigit(String text, int line, int position) {
        char c = Zone.at(text, line, position);
        return Zone.replace(text, line, position, (char) ('0' + (c - '0' + 1) % 10));
    }

    // -------------------------------------------------------------------------------------------

    @Nested
    class IcaoSpecimens {

        @Test
        void readsThePassportSpecimen() {
            MrzResult result = read(Specimens.TD3);

            assertThat(result.valid()).isTrue();
            assertThat(result.format()).isEqualTo(MrzFormat.TD3);
            assertThat(result.documentCode()).isEqualTo("P");
            assertThat(result.issuingState()).isEqualTo("UTO");
            assertThat(result.surname()).isEqualTo("ERIKSSON");
            assertThat(result.givenNames()).isEqualTo("ANNA MARIA");
            assertThat(result.nameTruncated()).isFalse();
            assertThat(result.documentNumber()).isEqualTo("L898902C3");
            assertThat(result.nationality()).isEqualTo("UTO");
            assertThat(result.dateOfBirth()).isEqualTo("1974-08-12");
            assertThat(result.sex()).isEqualTo("F");
            assertThat(result.dateOfExpiry()).isEqualTo("2012-04-15");
            assertThat(result.optionalData()).isEqualTo("ZE184226B");
            assertThat(result.optionalData2()).isNull();
            assertThat(result.errors()).isEmpty();
            assertThat(result.warnings()).isEmpty();
        }

        @Test
        void readsTheTd1IdentityCardSpecimen() {
            MrzResult result = read(Specimens.TD1);

            assertThat(result.valid()).isTrue();
            assertThat(result.format()).isEqualTo(MrzFormat.TD1);
            assertThat(result.documentCode()).isEqualTo("I");
            assertThat(result.issuingState()).isEqualTo("UTO");
            assertThat(result.documentNumber()).isEqualTo("D23145890");
            assertThat(result.surname()).isEqualTo("ERIKSSON");
            assertThat(result.givenNames()).isEqualTo("ANNA MARIA");
            assertThat(result.nationality()).isEqualTo("UTO");
            assertThat(result.dateOfBirth()).isEqualTo("1974-08-12");
            assertThat(result.sex()).isEqualTo("F");
            assertThat(result.dateOfExpiry()).isEqualTo("2012-04-15");
            assertThat(result.optionalData()).isEmpty();
            assertThat(result.optionalData2()).isEmpty();
            assertThat(result.warnings()).isEmpty();
        }

        @Test
        void readsTheTd2IdentityCardSpecimen() {
            MrzResult result = read(Specimens.TD2);

            assertThat(result.valid()).isTrue();
            assertThat(result.format()).isEqualTo(MrzFormat.TD2);
            assertThat(result.documentCode()).isEqualTo("I");
            assertThat(result.issuingState()).isEqualTo("UTO");
            assertThat(result.documentNumber()).isEqualTo("D23145890");
            assertThat(result.surname()).isEqualTo("ERIKSSON");
            assertThat(result.givenNames()).isEqualTo("ANNA MARIA");
            assertThat(result.nationality()).isEqualTo("UTO");
            assertThat(result.dateOfBirth()).isEqualTo("1974-08-12");
            assertThat(result.sex()).isEqualTo("F");
            assertThat(result.dateOfExpiry()).isEqualTo("2012-04-15");
            assertThat(result.optionalData()).isEmpty();
            assertThat(result.optionalData2()).isNull();
            assertThat(result.warnings()).isEmpty();
        }

        @Test
        void readsTheFullPageVisaSpecimen() {
            MrzResult result = read(Specimens.MRV_A);

            assertThat(result.valid()).isTrue();
            assertThat(result.format()).isEqualTo(MrzFormat.MRV_A);
            assertThat(result.documentCode()).isEqualTo("V");
            assertThat(result.issuingState()).isEqualTo("UTO");
            assertThat(result.documentNumber()).isEqualTo("L8988901C");
            assertThat(result.surname()).isEqualTo("ERIKSSON");
            assertThat(result.givenNames()).isEqualTo("ANNA MARIA");
            assertThat(result.nationality()).isEqualTo("XXX");
            assertThat(result.dateOfBirth()).isEqualTo("1940-09-07");
            assertThat(result.sex()).isEqualTo("F");
            assertThat(result.dateOfExpiry()).isEqualTo("1996-12-10");
            assertThat(result.optionalData()).isEqualTo("6ZE184226B");
            assertThat(result.optionalData2()).isNull();
            assertThat(codes(result.warnings())).containsExactly(DOCUMENT_EXPIRED);
        }

        @Test
        void readsTheSmallVisaSpecimen() {
            MrzResult result = read(Specimens.MRV_B);

            assertThat(result.valid()).isTrue();
            assertThat(result.format()).isEqualTo(MrzFormat.MRV_B);
            assertThat(result.documentCode()).isEqualTo("V");
            assertThat(result.documentNumber()).isEqualTo("L8988901C");
            assertThat(result.surname()).isEqualTo("ERIKSSON");
            assertThat(result.givenNames()).isEqualTo("ANNA MARIA");
            assertThat(result.nationality()).isEqualTo("XXX");
            assertThat(result.dateOfBirth()).isEqualTo("1940-09-07");
            assertThat(result.dateOfExpiry()).isEqualTo("1996-12-10");
            assertThat(result.optionalData()).isEmpty();
            assertThat(codes(result.warnings())).containsExactly(DOCUMENT_EXPIRED);
        }

        @Test
        void readsTheOverflowingDocumentNumberSpecimen() {
            MrzResult result = read(Specimens.TD1_OVERFLOW);

            assertThat(result.valid()).isTrue();
            assertThat(result.format()).isEqualTo(MrzFormat.TD1);
            assertThat(result.documentNumber()).isEqualTo("D23145890734");
            assertThat(result.optionalData()).isEmpty();
            assertThat(result.surname()).isEqualTo("STEVENSON");
            assertThat(result.givenNames()).isEqualTo("PETER JOHN");
            assertThat(result.dateOfBirth()).isEqualTo("1934-07-12");
            assertThat(result.sex()).isEqualTo("M");
            assertThat(result.dateOfExpiry()).isEqualTo("1995-07-12");
            assertThat(codes(result.warnings())).containsExactly(DOCUMENT_EXPIRED);
        }

        @ParameterizedTest
        @ValueSource(strings = {"TD3", "TD1", "TD2"})
        void warnsThatTheSpecimensHaveExpiredByNow(String name) {
            String text = switch (name) {
                case "TD3" -> Specimens.TD3;
                case "TD1" -> Specimens.TD1;
                default -> Specimens.TD2;
            };
            MrzResult result = read(text, TODAY);

            assertThat(result.valid()).isTrue();
            assertThat(result.dateOfExpiry()).isEqualTo("2012-04-15");
            assertThat(result.dateOfBirth()).isEqualTo("1974-08-12");
            assertThat(result.warnings()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(DOCUMENT_EXPIRED);
                assertThat(p.field()).isEqualTo("dateOfExpiry");
            });
        }

        @Test
        void readsTheVisaSpecimensOnALaterDayWithTheSameCenturies() {
            MrzResult result = read(Specimens.MRV_A, TODAY);

            assertThat(result.dateOfBirth()).isEqualTo("1940-09-07");
            assertThat(result.dateOfExpiry()).isEqualTo("1996-12-10");
            assertThat(codes(result.warnings())).containsExactly(DOCUMENT_EXPIRED);
        }

        @Test
        void usesTheInjectedClockForToday() {
            MrzReader later = new MrzReader(IcaoCodes.bundled()::contains,
                    Clock.fixed(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC));

            assertThat(codes(consistent(later.read(Specimens.TD3)).warnings())).containsExactly(DOCUMENT_EXPIRED);
            assertThat(consistent(READER.read(Specimens.TD3)).warnings()).isEmpty();
        }

        @Test
        void reproducesTheSpecimensWithTheTestZoneBuilder() {
            assertThat(Zone.td3().optional("ZE184226B").text()).isEqualTo(Specimens.TD3);
            assertThat(Zone.td1().number("D23145890").text()).isEqualTo(Specimens.TD1);
            assertThat(Zone.td2().number("D23145890").text()).isEqualTo(Specimens.TD2);
            assertThat(Zone.mrvA().number("L8988901C").nationality("XXX").birth("400907").expiry("961210")
                    .optional("6ZE184226B").text()).isEqualTo(Specimens.MRV_A);
            assertThat(Zone.mrvB().number("L8988901C").nationality("XXX").birth("400907").expiry("961210")
                    .text()).isEqualTo(Specimens.MRV_B);
            assertThat(Zone.td1().number("D23145890734").birth("340712").sex('M').expiry("950712")
                    .name("STEVENSON", "PETER JOHN").text()).isEqualTo(Specimens.TD1_OVERFLOW);
        }
    }

    // -------------------------------------------------------------------------------------------

    @Nested
    class Formats {

        @Test
        void readsAGermanPassportWhoseStateCodeIsTheSingleLetterD() {
            String text = Zone.td3().issuingState("D").nationality("D").name("MUSTERMANN", "ERIKA")
                    .number("C01X00T47").birth("640812").expiry("310801").text();

            MrzResult result = read(text, TODAY);

            assertThat(text).startsWith("P<D<<MUSTERMANN<<ERIKA<");
            assertThat(result.valid()).isTrue();
            assertThat(result.issuingState()).isEqualTo("D");
            assertThat(result.nationality()).isEqualTo("D");
            assertThat(result.documentNumber()).isEqualTo("C01X00T47");
            assertThat(result.dateOfBirth()).isEqualTo("1964-08-12");
            assertThat(result.dateOfExpiry()).isEqualTo("2031-08-01");
            assertThat(result.warnings()).isEmpty();
        }

        @Test
        void readsAnIraqiPassport() {
            String text = Zone.td3().issuingState("IRQ").nationality("IRQ").name("AL RASHID", "MOHAMMED ALI")
                    .number("A12345678").birth("850301").sex('M').expiry("300228").optional("19850301123").text();

            MrzResult result = read(text, TODAY);

            assertThat(result.valid()).isTrue();
            assertThat(result.format()).isEqualTo(MrzFormat.TD3);
            assertThat(result.issuingState()).isEqualTo("IRQ");
            assertThat(result.nationality()).isEqualTo("IRQ");
            assertThat(result.surname()).isEqualTo("AL RASHID");
            assertThat(result.givenNames()).isEqualTo("MOHAMMED ALI");
            assertThat(result.sex()).isEqualTo("M");
            assertThat(result.dateOfBirth()).isEqualTo("1985-03-01");
            assertThat(result.dateOfExpiry()).isEqualTo("2030-02-28");
            assertThat(result.optionalData()).isEqualTo("19850301123");
            assertThat(result.warnings()).isEmpty();
        }

        @Test
        void readsATravelDocumentOfAStatelessPerson() {
            String text = Zone.td3().code("PT").issuingState("D").nationality("XXA").name("NADIR", "SAMIR")
                    .number("T0123456").birth("900101").sex('M').expiry("290101").text();

            MrzResult result = read(text, TODAY);

            assertThat(result.valid()).isTrue();
            assertThat(result.documentCode()).isEqualTo("PT");
            assertThat(result.nationality()).isEqualTo("XXA");
            assertThat(result.documentNumber()).isEqualTo("T0123456");
        }

        @Test
        void readsAKosovoIdentityCardAndARefugeeVisa() {
            MrzResult card = read(Zone.td1().code("ID").issuingState("RKS").nationality("RKS").number("123456789")
                    .optional("A1B2").optional2("XYZ<1").text());
            MrzResult visa = read(Zone.mrvB().nationality("XXB").issuingState("IRQ").number("V1234").text());

            assertThat(card.valid()).isTrue();
            assertThat(card.documentCode()).isEqualTo("ID");
            assertThat(card.issuingState()).isEqualTo("RKS");
            assertThat(card.optionalData()).isEqualTo("A1B2");
            assertThat(card.optionalData2()).isEqualTo("XYZ<1");
            assertThat(visa.valid()).isTrue();
            assertThat(visa.nationality()).isEqualTo("XXB");
            assertThat(visa.documentNumber()).isEqualTo("V1234");
        }

        @Test
        void recognisesVisasByTheirFirstLetter() {
            assertThat(read(Zone.td3().text()).format()).isEqualTo(MrzFormat.TD3);
            assertThat(read(Zone.td3().code("V").text()).format()).isEqualTo(MrzFormat.MRV_A);
            assertThat(read(Zone.td2().text()).format()).isEqualTo(MrzFormat.TD2);
            assertThat(read(Zone.td2().code("V").text()).format()).isEqualTo(MrzFormat.MRV_B);
        }

        @Test
        void recognisesTheFormatFromTheLinesNotFromTheDocumentCode() {
            MrzResult identityCardInPassportLayout = read(Zone.td3().code("I").text());
            MrzResult passportInCardLayout = read(Zone.td1().code("P").text());

            assertThat(identityCardInPassportLayout.format()).isEqualTo(MrzFormat.TD3);
            assertThat(identityCardInPassportLayout.valid()).isTrue();
            assertThat(codes(identityCardInPassportLayout.warnings())).containsExactly(DOCUMENT_CODE_NOT_ALLOWED);
            assertThat(passportInCardLayout.format()).isEqualTo(MrzFormat.TD1);
            assertThat(codes(passportInCardLayout.warnings())).containsExactly(DOCUMENT_CODE_NOT_ALLOWED);
        }

        @Test
        void trimsFillersFromShortDocumentNumbers() {
            assertThat(read(Zone.td3().number("AB12").text()).documentNumber()).isEqualTo("AB12");
            assertThat(read(Zone.td1().number("AB12").text()).documentNumber()).isEqualTo("AB12");
            assertThat(read(Zone.mrvB().number("7").text()).documentNumber()).isEqualTo("7");
        }

        @Test
        void readsOptionalDataOfEveryFormat() {
            assertThat(read(Zone.mrvA().optional("1234567890ABCDEF").text()).optionalData())
                    .isEqualTo("1234567890ABCDEF");
            assertThat(read(Zone.mrvB().optional("AB<<CD").text()).optionalData()).isEqualTo("AB<<CD");
            assertThat(read(Zone.td2().optional("1234567").text()).optionalData()).isEqualTo("1234567");
            MrzResult td1 = read(Zone.td1().optional("123456789012345").optional2("ABCDEFGHIJK").text());
            assertThat(td1.valid()).isTrue();
            assertThat(td1.optionalData()).isEqualTo("123456789012345");
            assertThat(td1.optionalData2()).isEqualTo("ABCDEFGHIJK");
        }
    }

    // -------------------------------------------------------------------------------------------

    @Nested
    class CheckDigitValidation {

        static Stream<MrzFormat> formats() {
            return Stream.of(MrzFormat.values());
        }

        static int[] documentNumberCheck(MrzFormat format) {
            return format == MrzFormat.TD1 ? new int[] {1, 15} : new int[] {2, 10};
        }

        static int[] birthDateCheck(MrzFormat format) {
            return format == MrzFormat.TD1 ? new int[] {2, 7} : new int[] {2, 20};
        }

        static int[] expiryDateCheck(MrzFormat format) {
            return format == MrzFormat.TD1 ? new int[] {2, 15} : new int[] {2, 28};
        }

        static int[] compositeCheck(MrzFormat format) {
            return switch (format) {
                case TD1 -> new int[] {2, 30};
                case TD2 -> new int[] {2, 36};
                case TD3 -> new int[] {2, 44};
                default -> throw new IllegalArgumentException(format + " has no composite check digit");
            };
        }

        /** Breaks one check digit and keeps the composite right, so that only that digit fails. */
        static String breaking(MrzFormat format, int[] place) {
            String text = withWrongDigit(Zone.of(format).text(), place[0], place[1]);
            return format.hasCompositeCheckDigit() ? Zone.withCompositeRecomputed(text) : text;
        }

        static void assertOnlyError(MrzResult result, MrzProblemCode code, String field, int[] place) {
            assertThat(result.valid()).isFalse();
            assertThat(result.errors()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(code);
                assertThat(p.field()).isEqualTo(field);
                assertThat(p.line()).isEqualTo(place[0]);
                assertThat(p.position()).isEqualTo(place[1]);
                assertThat(p.message()).isNotBlank();
            });
        }

        @ParameterizedTest
        @EnumSource(MrzFormat.class)
        void acceptsEveryCheckDigitOfAWellFormedZone(MrzFormat format) {
            MrzResult result = read(Zone.of(format).text());

            assertThat(result.valid()).isTrue();
            assertThat(result.format()).isEqualTo(format);
        }

        @ParameterizedTest
        @EnumSource(MrzFormat.class)
        void rejectsWrongDocumentNumberCheckDigit(MrzFormat format) {
            int[] place = documentNumberCheck(format);
            assertOnlyError(read(breaking(format, place)), DOCUMENT_NUMBER_CHECK_DIGIT, "documentNumber", place);
        }

        @ParameterizedTest
        @EnumSource(MrzFormat.class)
        void rejectsWrongBirthDateCheckDigit(MrzFormat format) {
            int[] place = birthDateCheck(format);
            assertOnlyError(read(breaking(format, place)), BIRTH_DATE_CHECK_DIGIT, "dateOfBirth", place);
        }

        @ParameterizedTest
        @EnumSource(MrzFormat.class)
        void rejectsWrongExpiryDateCheckDigit(MrzFormat format) {
            int[] place = expiryDateCheck(format);
            assertOnlyError(read(breaking(format, place)), EXPIRY_DATE_CHECK_DIGIT, "dateOfExpiry", place);
        }

        @Test
        void rejectsWrongPersonalNumberCheckDigit() {
            int[] place = {2, 43};
            String text = Zone.withCompositeRecomputed(withWrongDigit(Specimens.TD3, 2, 43));

            assertOnlyError(read(text), PERSONAL_NUMBER_CHECK_DIGIT, "optionalData", place);
        }

        @ParameterizedTest
        @EnumSource(value = MrzFormat.class, names = {"TD1", "TD2", "TD3"})
        void rejectsWrongCompositeCheckDigit(MrzFormat format) {
            int[] place = compositeCheck(format);
            String text = withWrongDigit(Zone.of(format).text(), place[0], place[1]);

            MrzResult result = read(text);

            assertOnlyError(result, COMPOSITE_CHECK_DIGIT, "composite", place);
            assertThat(result.errors().getFirst().message()).contains("should be " + Zone.at(Zone.of(format).text(),
                    place[0], place[1]));
        }

        @ParameterizedTest
        @EnumSource(value = MrzFormat.class, names = {"TD1", "TD2", "TD3"})
        void rejectsMissingFinalCheckDigit(MrzFormat format) {
            int[] place = compositeCheck(format);
            String text = Zone.replace(Zone.of(format).text(), place[0], place[1], '<');

            assertOnlyError(read(text), FINAL_CHECK_DIGIT, "composite", place);
        }

        @Test
        void rejectsAFillerInTheFinalPositionEvenWhereTheCompositeIsZero() {
            assertThat(Zone.at(Specimens.TD3, 2, 44)).isEqualTo('0');

            MrzResult result = read(Zone.replace(Specimens.TD3, 2, 44, '<'));

            assertThat(codes(result.errors())).containsExactly(FINAL_CHECK_DIGIT);
        }

        @Test
        void reportsEveryFailingCheckDigitNotJustTheFirst() {
            String text = Specimens.TD3;
            for (int position : new int[] {10, 20, 28, 43, 44}) {
                text = withWrongDigit(text, 2, position);
            }

            MrzResult result = read(text);

            assertThat(codes(result.errors())).containsExactly(DOCUMENT_NUMBER_CHECK_DIGIT, BIRTH_DATE_CHECK_DIGIT,
                    EXPIRY_DATE_CHECK_DIGIT, PERSONAL_NUMBER_CHECK_DIGIT, COMPOSITE_CHECK_DIGIT);
            assertThat(result.dateOfBirth()).isEqualTo("1974-08-12");
        }

        @Test
        void rejectsACheckDigitThatIsALetterNoDigitIsMisreadAs() {
            MrzResult result = read(Zone.withCompositeRecomputed(Zone.replace(Specimens.TD3, 2, 20, 'A')));

            assertThat(codes(result.errors())).containsExactly(BIRTH_DATE_CHECK_DIGIT);
            assertThat(result.errors().getFirst().message()).contains("must be a digit");
        }

        @ParameterizedTest
        @ValueSource(chars = {'<', '0'})
        void acceptsFillerOrZeroAsCheckDigitOfAnEmptyPersonalNumber(char check) {
            String text = Zone.td3().emptyPersonalNumberCheck(check).text();

            MrzResult result = read(text);

            assertThat(Zone.at(text, 2, 43)).isEqualTo(check);
            assertThat(result.valid()).isTrue();
            assertThat(result.optionalData()).isEmpty();
        }

        @Test
        void rejectsAnyOtherCheckDigitOfAnEmptyPersonalNumber() {
            String text = Zone.withCompositeRecomputed(Zone.td3().emptyPersonalNumberCheck('1').text());

            assertOnlyError(read(text), PERSONAL_NUMBER_CHECK_DIGIT, "optionalData", new int[] {2, 43});
        }

        @Test
        void rejectsAFillerCheckDigitOfAPersonalNumberThatIsNotEmpty() {
            String text = Zone.withCompositeRecomputed(Zone.replace(Specimens.TD3, 2, 43, '<'));

            assertOnlyError(read(text), PERSONAL_NUMBER_CHECK_DIGIT, "optionalData", new int[] {2, 43});
        }

        @Test
        void computesTheCompositeOverTheIcaoRangesOnly() {
            // Nationality and sex lie outside the composite of TD2 and TD3 and inside none of TD1's check digits.
            for (String text : List.of(Specimens.TD3, Specimens.TD2)) {
                String changed = Zone.replace(Zone.replace(Zone.replace(Zone.replace(text, 2, 11, 'D'), 2, 12, '<'),
                        2, 13, '<'), 2, 21, 'M');
                MrzResult result = read(changed);
                assertThat(result.valid()).isTrue();
                assertThat(result.nationality()).isEqualTo("D");
                assertThat(result.sex()).isEqualTo("M");
            }
            String td1 = Zone.replace(Zone.replace(Specimens.TD1, 2, 16, 'D'), 2, 8, 'M');
            assertThat(read(Zone.replace(Zone.replace(td1, 2, 17, '<'), 2, 18, '<')).valid()).isTrue();
        }

        @Test
        void coversTheOptionalDataOfBothTd1LinesWithTheComposite() {
            MrzResult upper = read(Zone.replace(Specimens.TD1, 1, 20, 'X'));
            MrzResult lower = read(Zone.replace(Specimens.TD1, 2, 29, 'X'));

            assertThat(codes(upper.errors())).containsExactly(COMPOSITE_CHECK_DIGIT);
            assertThat(codes(lower.errors())).containsExactly(COMPOSITE_CHECK_DIGIT);
        }

        @Test
        void coversTheTd2OptionalDataWithTheComposite() {
            assertThat(codes(read(Zone.replace(Specimens.TD2, 2, 35, '1')).errors()))
                    .containsExactly(COMPOSITE_CHECK_DIGIT);
        }

        @Test
        void coversThePersonalNumberAndItsCheckDigitWithTheComposite() {
            MrzResult number = read(Zone.replace(Specimens.TD3, 2, 42, 'X'));
            MrzResult check = read(withWrongDigit(Specimens.TD3, 2, 43));

            assertThat(codes(number.errors())).containsExactly(PERSONAL_NUMBER_CHECK_DIGIT, COMPOSITE_CHECK_DIGIT);
            assertThat(codes(check.errors())).containsExactly(PERSONAL_NUMBER_CHECK_DIGIT, COMPOSITE_CHECK_DIGIT);
            // '<' and '0' are worth the same, so the composite is one for either check digit of an empty number
            assertThat(Zone.at(Zone.td3().emptyPersonalNumberCheck('0').text(), 2, 44))
                    .isEqualTo(Zone.at(Zone.td3().emptyPersonalNumberCheck('<').text(), 2, 44));
        }

        @Test
        void leavesTheMachineReadableVisasWithoutComposite() {
            MrzResult full = read(Zone.replace(Specimens.MRV_A, 2, 44, '7'));
            MrzResult small = read(Zone.replace(Specimens.MRV_B, 2, 36, '7'));

            assertThat(full.valid()).isTrue();
            assertThat(full.optionalData()).isEqualTo("6ZE184226B<<<<<7");
            assertThat(small.valid()).isTrue();
            assertThat(small.optionalData()).isEqualTo("<<<<<<<7");
        }
    }

    // -------------------------------------------------------------------------------------------

    @Nested
    class DocumentNumberOverflow {

        @Test
        void readsAnOverflowingTd1DocumentNumberFollowedByOptionalData() {
            String text = Zone.td1().number("D23145890734").optional("AB<12").text();

            MrzResult result = read(text);

            assertThat(text.lines().findFirst()).contains("I<UTOD23145890<7349<AB<12<<<<<");
            assertThat(result.valid()).isTrue();
            assertThat(result.documentNumber()).isEqualTo("D23145890734");
            assertThat(result.optionalData()).isEqualTo("AB<12");
        }

        @Test
        void readsAnOverflowingTd2DocumentNumber() {
            String text = Zone.td2().number("XA1234567890").optional("Z").text();

            MrzResult result = read(text);

            assertThat(text).endsWith("890" + Zone.checkDigit("XA1234567890") + "<Z<" + Zone.at(text, 2, 36));
            assertThat(Zone.at(text, 2, 10)).isEqualTo('<');
            assertThat(result.valid()).isTrue();
            assertThat(result.documentNumber()).isEqualTo("XA1234567890");
            assertThat(result.optionalData()).isEqualTo("Z");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1234567890", "12345678901234567890123"})
        void readsTd1DocumentNumbersOfTenUpToTwentyThreeCharacters(String number) {
            MrzResult result = read(Zone.td1().number(number).text());

            assertThat(result.valid()).isTrue();
            assertThat(result.documentNumber()).isEqualTo(number);
            assertThat(result.optionalData()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"1234567890", "ABCDEFGHIJKLMN"})
        void readsTd2DocumentNumbersOfTenUpToFifteenCharacters(String number) {
            MrzResult result = read(Zone.td2().number(number).text());

            assertThat(result.valid()).isTrue();
            assertThat(result.documentNumber()).isEqualTo(number);
        }

        @Test
        void readsTheLongestTd2DocumentNumber() {
            String text = Zone.td2().number("ABCDEFGHIJKLMNO").text();

            MrzResult result = read(text);

            assertThat(text.lines().skip(1).findFirst().orElseThrow()).startsWith("ABCDEFGHI<").contains("JKLMNO");
            assertThat(result.valid()).isTrue();
            assertThat(result.documentNumber()).isEqualTo("ABCDEFGHIJKLMNO");
        }

        @Test
        void rejectsAWrongTd1OverflowCheckDigitAtItsPlaceInTheOptionalData() {
            String text = Zone.withCompositeRecomputed(withWrongDigit(Specimens.TD1_OVERFLOW, 1, 19));

            MrzResult result = read(text);

            assertThat(result.errors()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(DOCUMENT_NUMBER_CHECK_DIGIT);
                assertThat(p.line()).isEqualTo(1);
                assertThat(p.position()).isEqualTo(19);
            });
            assertThat(result.documentNumber()).isEqualTo("D23145890734");
        }

        @Test
        void rejectsAWrongTd2OverflowCheckDigit() {
            String good = Zone.td2().number("XA1234567890").text();
            String text = Zone.withCompositeRecomputed(withWrongDigit(good, 2, 32));

            MrzResult result = read(text);

            assertThat(result.errors()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(DOCUMENT_NUMBER_CHECK_DIGIT);
                assertThat(p.line()).isEqualTo(2);
                assertThat(p.position()).isEqualTo(32);
            });
        }

        @Test
        void rejectsAnOverflowMarkWithNothingInTheOptionalData() {
            String text = Zone.withCompositeRecomputed(Zone.replace(Specimens.TD1, 1, 15, '<'));

            MrzResult result = read(text);

            assertThat(codes(result.errors())).containsExactly(DOCUMENT_NUMBER_CHECK_DIGIT);
            assertThat(result.documentNumber()).isEqualTo("D23145890");
        }

        @Test
        void doesNotLetAPassportDocumentNumberOverflow() {
            String text = Zone.withCompositeRecomputed(Zone.replace(Specimens.TD3, 2, 10, '<'));

            MrzResult result = read(text);

            assertThat(codes(result.errors())).containsExactly(DOCUMENT_NUMBER_CHECK_DIGIT);
            assertThat(result.documentNumber()).isEqualTo("L898902C3");
            assertThat(result.optionalData()).isEqualTo("ZE184226B");
        }

        @Test
        void suggestsButDoesNotMakeTheRepairOfAnOverflowCheckDigit() {
            // The place of this check digit is found from the filler after it, so it is no numeric field
            // of fixed place: a damaged filler would move it onto a letter of the optional data.
            String good = Zone.td1().number("D23145890735").text();
            assertThat(Zone.at(good, 1, 19)).isEqualTo('0');

            MrzResult result = read(Zone.replace(good, 1, 19, 'O'));

            assertThat(result.valid()).isFalse();
            assertThat(codes(result.errors())).containsExactly(DOCUMENT_NUMBER_CHECK_DIGIT, COMPOSITE_CHECK_DIGIT);
            assertThat(result.warnings()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(REPAIR_SUGGESTED);
                assertThat(p.line()).isEqualTo(1);
                assertThat(p.position()).isEqualTo(19);
            });
        }

        @Test
        void doesNotTakeALetterAfterADamagedFillerForTheOverflowCheckDigit() {
            // Y68VLMXZ4BAR, check digit 0, then optional data VZ; the filler after the check digit read as H
            // would put the check digit on Z, and reading Z as 2 would make every check digit pass.
            String good = Zone.td2().number("Y68VLMXZ4BAR").nationality("COL").birth("<<<<<<").sex('X')
                    .expiry("560401").optional("VZ").text();
            assertThat(good).endsWith("BAR0<VZ2");

            MrzResult result = read(Zone.replace(good, 2, 33, 'H'), LocalDate.of(1960, 1, 1));

            assertThat(result.valid()).isFalse();
            assertThat(result.hasWarning(OCR_REPAIRED)).isFalse();
        }

        @Test
        void catchesAChangeInTheOverflowingPartThroughItsCheckDigit() {
            String text = Zone.withCompositeRecomputed(Zone.replace(Specimens.TD1_OVERFLOW, 1, 17, '4'));

            assertThat(codes(read(text).errors())).containsExactly(DOCUMENT_NUMBER_CHECK_DIGIT);
        }
    }

    // -------------------------------------------------------------------------------------------

    @Nested
    class Dates {

        static Stream<Arguments> birthDates() {
            return Stream.of(
                    Arguments.of("740812", TODAY, "1974-08-12"),
                    Arguments.of("261128", TODAY, "2026-11-28"),
                    Arguments.of("261129", TODAY, "1926-11-29"),
                    Arguments.of("261201", TODAY, "1926-12-01"),
                    Arguments.of("991231", TODAY, "1999-12-31"),
                    Arguments.of("000101", TODAY, "2000-01-01"),
                    Arguments.of("091231", SPECIMEN_DAY, "2009-12-31"),
                    Arguments.of("100101", SPECIMEN_DAY, "2010-01-01"),
                    Arguments.of("100102", SPECIMEN_DAY, "1910-01-02"),
                    Arguments.of("990615", LocalDate.of(1999, 6, 15), "1999-06-15"),
                    Arguments.of("000229", LocalDate.of(2000, 2, 29), "2000-02-29"),
                    Arguments.of("010101", LocalDate.of(2000, 12, 31), "1901-01-01"));
        }

        @Test
        void acceptsAFillerAsTheCheckDigitOfAnEntirelyUnknownBirthDate() {
            String zone = Zone.withCompositeRecomputed(
                    Zone.replace(Zone.td3().birth("<<<<<<").text(), 2, 20, '<'));

            MrzResult result = read(zone);

            assertThat(result.errors()).isEmpty();
            assertThat(result.dateOfBirth()).isNull();
        }

        @ParameterizedTest
        @MethodSource("birthDates")
        void putsTheBirthDateInTheLatestCenturyNotAfterToday(String yymmdd, LocalDate today, String expected) {
            MrzResult result = read(Zone.td3().birth(yymmdd).expiry("351231").text(), today);

            assertThat(result.valid()).isTrue();
            assertThat(result.dateOfBirth()).isEqualTo(expected);
        }

        static Stream<Arguments> expiryDates() {
            return Stream.of(
                    Arguments.of("120415", SPECIMEN_DAY, "2012-04-15"),
                    Arguments.of("591231", SPECIMEN_DAY, "2059-12-31"),
                    Arguments.of("600101", SPECIMEN_DAY, "1960-01-01"),
                    Arguments.of("751231", TODAY, "2075-12-31"),
                    Arguments.of("760101", TODAY, "1976-01-01"),
                    Arguments.of("990101", TODAY, "1999-01-01"),
                    Arguments.of("050101", LocalDate.of(1990, 6, 15), "2005-01-01"),
                    // 1940 and 2040 are both fifty years from 1990: the earlier is taken
                    Arguments.of("400101", LocalDate.of(1990, 6, 15), "1940-01-01"),
                    Arguments.of("391231", LocalDate.of(1990, 6, 15), "2039-12-31"),
                    Arguments.of("410101", LocalDate.of(1990, 6, 15), "1941-01-01"),
                    Arguments.of("100101", LocalDate.of(2070, 1, 1), "2110-01-01"),
                    Arguments.of("200101", LocalDate.of(2070, 1, 1), "2020-01-01"));
        }

        @ParameterizedTest
        @MethodSource("expiryDates")
        void putsTheExpiryDateWithinFiftyYearsOfToday(String yymmdd, LocalDate today, String expected) {
            MrzResult result = read(Zone.td3().birth("<<<<<<").expiry(yymmdd).text(), today);

            assertThat(result.valid()).isTrue();
            assertThat(result.dateOfExpiry()).isEqualTo(expected);
            assertThat(result.hasWarning(DOCUMENT_EXPIRED)).isEqualTo(LocalDate.parse(expected).isBefore(today));
        }

        @Test
        void warnsOfExpiryOnlyFromTheDayAfterTheExpiryDate() {
            String text = Zone.td3().expiry("261128").text();

            assertThat(read(text, TODAY).warnings()).isEmpty();
            assertThat(read(text, TODAY.plusDays(1)).warnings()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(DOCUMENT_EXPIRED);
                assertThat(p.line()).isEqualTo(2);
                assertThat(p.position()).isEqualTo(22);
            });
            assertThat(read(text, TODAY.plusDays(1)).valid()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"74<<<<", "7408<<", "<<<<<<"})
        void readsPartlyUnknownBirthDates(String yymmdd) {
            MrzResult result = read(Zone.td3().birth(yymmdd).text());

            assertThat(result.valid()).isTrue();
            assertThat(result.errors()).isEmpty();
            assertThat(result.dateOfBirth()).isEqualTo(switch (yymmdd) {
                case "74<<<<" -> "1974";
                case "7408<<" -> "1974-08";
                default -> null;
            });
        }

        @Test
        void resolvesTheCenturyOfPartlyUnknownBirthDates() {
            assertThat(read(Zone.td3().birth("26<<<<").text(), TODAY).dateOfBirth()).isEqualTo("2026");
            assertThat(read(Zone.td3().birth("27<<<<").text(), TODAY).dateOfBirth()).isEqualTo("1927");
            assertThat(read(Zone.td3().birth("2611<<").text(), TODAY).dateOfBirth()).isEqualTo("2026-11");
            assertThat(read(Zone.td3().birth("2612<<").text(), TODAY).dateOfBirth()).isEqualTo("1926-12");
        }

        @ParameterizedTest
        @ValueSource(strings = {"74<812", "7<0812", "740<<<", "7<<<<<", "<<0812", "74081<"})
        void rejectsBirthDatesWithFillersAnywhereButTheDayOrMonthAndDay(String yymmdd) {
            MrzResult result = read(Zone.td3().birth(yymmdd).text());

            assertThat(codes(result.errors())).containsExactly(INVALID_BIRTH_DATE);
            assertThat(result.dateOfBirth()).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"741312", "740012", "740230", "750229", "740800", "740832", "740431"})
        void rejectsImpossibleBirthDatesWhoseCheckDigitPasses(String yymmdd) {
            MrzResult result = read(Zone.td3().birth(yymmdd).text());

            assertThat(result.errors()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(INVALID_BIRTH_DATE);
                assertThat(p.field()).isEqualTo("dateOfBirth");
                assertThat(p.line()).isEqualTo(2);
                assertThat(p.position()).isEqualTo(14);
            });
            assertThat(result.dateOfBirth()).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"121315", "120015", "120230", "130229", "120400", "120431", "12<<<<", "<<<<<<"})
        void rejectsImpossibleExpiryDatesWhoseCheckDigitPasses(String yymmdd) {
            MrzResult result = read(Zone.td3().expiry(yymmdd).text());

            assertThat(result.errors()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(INVALID_EXPIRY_DATE);
                assertThat(p.field()).isEqualTo("dateOfExpiry");
            });
            assertThat(result.dateOfExpiry()).isNull();
            assertThat(result.warnings()).isEmpty();
        }

        @Test
        void acceptsTheTwentyNinthOfFebruaryInLeapYears() {
            MrzResult result = read(Zone.td1().birth("760229").expiry("120229").text());

            assertThat(result.valid()).isTrue();
            assertThat(result.dateOfBirth()).isEqualTo("1976-02-29");
            assertThat(result.dateOfExpiry()).isEqualTo("2012-02-29");
        }

        @Test
        void reportsDatesThatResolveBeyondTheCalendarInsteadOfThrowing() {
            MrzResult lastDay = read(Specimens.TD3, LocalDate.MAX);
            MrzResult firstDay = read(Zone.td3().birth("000101").text(), LocalDate.MIN);

            assertThat(codes(lastDay.errors())).containsExactly(INVALID_EXPIRY_DATE);
            assertThat(codes(firstDay.errors())).containsExactly(INVALID_BIRTH_DATE);
        }

        @Test
        void judgesTheTwentyNinthOfFebruaryInTheCenturyItResolvesTo() {
            String text = Zone.td3().birth("000229").text();

            assertThat(read(text, TODAY).dateOfBirth()).isEqualTo("2000-02-29");
            MrzResult in1999 = read(text, LocalDate.of(1999, 6, 1));
            assertThat(codes(in1999.errors())).containsExactly(INVALID_BIRTH_DATE);
            assertThat(in1999.errors().getFirst().message()).contains("1900-02");
        }
    }

    // -------------------------------------------------------------------------------------------

    @Nested
    class Codes {

        @Test
        void keepsGermanysSingleLetterCode() {
            MrzResult result = read(Zone.td1().issuingState("D").nationality("D").text());

            assertThat(result.valid()).isTrue();
            assertThat(result.issuingState()).isEqualTo("D");
            assertThat(result.nationality()).isEqualTo("D");
        }

        @ParameterizedTest
        @ValueSource(strings = {"UTO", "XXA", "XXB", "XXC", "XXX", "GBD", "UNO", "EUE", "IRQ", "DEU"})
        void acceptsIcaoCodes(String code) {
            MrzResult result = read(Zone.td2().issuingState(code).nationality(code).text());

            assertThat(result.valid()).isTrue();
            assertThat(result.issuingState()).isEqualTo(code);
            assertThat(result.nationality()).isEqualTo(code);
        }

        @ParameterizedTest
        @ValueSource(strings = {"ZZZ", "QQQ", "U<O", "<<<", "DE", "UT"})
        void rejectsAnUnknownIssuingState(String code) {
            assertThat(IcaoCodes.bundled().contains(code.replace("<", ""))).isFalse();

            MrzResult result = read(Zone.td3().issuingState(code).text());

            assertThat(result.errors()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(UNKNOWN_ISSUING_STATE);
                assertThat(p.field()).isEqualTo("issuingState");
                assertThat(p.line()).isEqualTo(1);
                assertThat(p.position()).isEqualTo(3);
            });
        }

        @ParameterizedTest
        @EnumSource(MrzFormat.class)
        void rejectsAnUnknownNationality(MrzFormat format) {
            MrzResult result = read(Zone.of(format).nationality("ZZZ").text());

            assertThat(codes(result.errors())).containsExactly(UNKNOWN_NATIONALITY);
            assertThat(result.nationality()).isEqualTo("ZZZ");
            assertThat(result.errors().getFirst().field()).isEqualTo("nationality");
        }

        @ParameterizedTest
        @ValueSource(strings = {"P", "PD", "PT", "PO"})
        void acceptsPassportCodes(String code) {
            MrzResult result = read(Zone.td3().code(code).text());

            assertThat(result.valid()).isTrue();
            assertThat(result.documentCode()).isEqualTo(code);
            assertThat(result.warnings()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"I", "ID", "A", "AC", "C", "CR", "IP"})
        void acceptsIdentityDocumentCodesOnCards(String code) {
            for (Zone zone : List.of(Zone.td1().code(code), Zone.td2().code(code))) {
                MrzResult result = read(zone.text());
                assertThat(result.valid()).isTrue();
                assertThat(result.documentCode()).isEqualTo(code);
                assertThat(result.warnings()).isEmpty();
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"X", "XX", "B<", "1", "P1", "<<", "<P", "I9"})
        void rejectsDocumentCodesIcaoDoesNotKnow(String code) {
            MrzResult result = read(Zone.td1().code(code).text());

            assertThat(result.errors()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(INVALID_DOCUMENT_CODE);
                assertThat(p.field()).isEqualTo("documentCode");
                assertThat(p.line()).isEqualTo(1);
                assertThat(p.position()).isEqualTo(1);
            });
        }

        @Test
        void warnsOfAKnownDocumentCodeInAFormatThatDoesNotUseIt() {
            for (String text : List.of(Zone.td3().code("I").text(), Zone.td3().code("A").text(),
                    Zone.td1().code("P").text(), Zone.td1().code("V").text(), Zone.td2().code("P").text())) {
                MrzResult result = read(text);
                assertThat(result.valid()).isTrue();
                assertThat(result.warnings()).singleElement().satisfies(p -> {
                    assertThat(p.code()).isEqualTo(DOCUMENT_CODE_NOT_ALLOWED);
                    assertThat(p.field()).isEqualTo("documentCode");
                });
            }
        }

        @Test
        void warnsOfAnIdentityDocumentCodeWithSecondLetterV() {
            for (String code : List.of("IV", "AV", "CV")) {
                MrzResult result = read(Zone.td1().code(code).text());
                assertThat(result.valid()).isTrue();
                assertThat(result.documentCode()).isEqualTo(code);
                assertThat(result.warnings()).singleElement().satisfies(p -> {
                    assertThat(p.code()).isEqualTo(DOCUMENT_CODE_NOT_ALLOWED);
                    assertThat(p.position()).isEqualTo(2);
                });
            }
        }

        @ParameterizedTest
        @ValueSource(chars = {'M', 'F', 'X', '<'})
        void readsSex(char sex) {
            MrzResult result = read(Zone.td3().sex(sex).text());

            assertThat(result.valid()).isTrue();
            assertThat(result.sex()).isEqualTo(sex == '<' ? "X" : String.valueOf(sex));
        }

        @ParameterizedTest
        @ValueSource(chars = {'U', 'W', '1', '0'})
        void rejectsAnySexButMaleFemaleOrUnspecified(char sex) {
            for (MrzFormat format : MrzFormat.values()) {
                MrzResult result = read(Zone.of(format).sex(sex).text());
                assertThat(result.errors()).singleElement().satisfies(p -> {
                    assertThat(p.code()).isEqualTo(INVALID_SEX);
                    assertThat(p.field()).isEqualTo("sex");
                    assertThat(p.line()).isEqualTo(2);
                    assertThat(p.position()).isEqualTo(format == MrzFormat.TD1 ? 8 : 21);
                });
                assertThat(result.sex()).isNull();
            }
        }
    }

    // -------------------------------------------------------------------------------------------

    @Nested
    class Names {

        @Test
        void doesNotCallANameTruncatedWhenItsFieldEndsInADigit() {
            MrzResult result = read(Zone.td2().nameField("ERIKSSON<<ANNA<MARIA<<<<<<<<<<2").text());

            assertThat(result.nameTruncated()).isFalse();
            assertThat(result.hasWarning(MrzProblemCode.NAME_POSSIBLY_TRUNCATED)).isFalse();
        }

        @Test
        void splitsPrimaryAndSecondaryIdentifiersAtTheFirstDoubleFiller() {
            MrzResult result = read(Zone.td3().name("VAN DER BERG", "JAN PIETER").text());

            assertThat(result.surname()).isEqualTo("VAN DER BERG");
            assertThat(result.givenNames()).isEqualTo("JAN PIETER");
        }

        @Test
        void readsANameWithOnlyAPrimaryIdentifier() {
            MrzResult result = read(Zone.td3().name("ERIKSSON", "").text());

            assertThat(result.valid()).isTrue();
            assertThat(result.surname()).isEqualTo("ERIKSSON");
            assertThat(result.givenNames()).isEmpty();
            assertThat(result.nameTruncated()).isFalse();
        }

        @Test
        void readsANameWithOnlyASecondaryIdentifier() {
            MrzResult result = read(Zone.td2().nameField("<<ANNA").text());

            assertThat(result.surname()).isEmpty();
            assertThat(result.givenNames()).isEqualTo("ANNA");
        }

        @Test
        void readsFurtherDoubleFillersAsSingleSpaces() {
            MrzResult result = read(Zone.td3().nameField("ERIKSSON<<ANNA<<MARIA<<<LISA").text());

            assertThat(result.surname()).isEqualTo("ERIKSSON");
            assertThat(result.givenNames()).isEqualTo("ANNA MARIA LISA");
        }

        @Test
        void readsAnEmptyNameField() {
            MrzResult result = read(Zone.td3().nameField("").text());

            assertThat(result.surname()).isEmpty();
            assertThat(result.givenNames()).isEmpty();
            assertThat(result.nameTruncated()).isFalse();
        }

        @Test
        void warnsOfAPossiblyTruncatedNameThatFillsItsFieldAndEndsInALetter() {
            String name = "ERIKSSON<<ANNA<MARIA<ELISABETH<CHARLOTT";
            MrzResult result = read(Zone.td3().nameField(name).text());

            assertThat(name).hasSize(39);
            assertThat(result.valid()).isTrue();
            assertThat(result.nameTruncated()).isTrue();
            assertThat(result.givenNames()).isEqualTo("ANNA MARIA ELISABETH CHARLOTT");
            assertThat(result.warnings()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(NAME_POSSIBLY_TRUNCATED);
                assertThat(p.line()).isEqualTo(1);
                assertThat(p.position()).isEqualTo(44);
            });
        }

        @Test
        void warnsOfAPossiblyTruncatedNameInEveryFormat() {
            assertThat(read(Zone.td1().nameField("A".repeat(30)).text()).nameTruncated()).isTrue();
            assertThat(read(Zone.td2().nameField("B<<" + "C".repeat(28)).text()).nameTruncated()).isTrue();
            assertThat(read(Zone.mrvA().nameField("D<<" + "E".repeat(36)).text()).nameTruncated()).isTrue();
            MrzResult small = read(Zone.mrvB().nameField("F<<" + "G".repeat(28)).text());
            assertThat(small.hasWarning(NAME_POSSIBLY_TRUNCATED)).isTrue();
            assertThat(small.surname()).isEqualTo("F");
            assertThat(small.givenNames()).isEqualTo("G".repeat(28));
        }

        @Test
        void doesNotWarnWhenTheNameEndsInAFillerJustInside() {
            String name = "ERIKSSON<<ANNA<MARIA<ELISABETH<CHARLOT";
            MrzResult result = read(Zone.td3().nameField(name).text());

            assertThat(result.nameTruncated()).isFalse();
            assertThat(result.warnings()).isEmpty();
        }
    }

    // -------------------------------------------------------------------------------------------

    @Nested
    class InputHygiene {

        static void assertReadsLikeTheSpecimen(MrzResult result) {
            MrzResult specimen = read(Specimens.TD3);
            assertThat(result).usingRecursiveComparison().isEqualTo(specimen);
            assertThat(result.valid()).isTrue();
        }

        @Test
        void stripsCarriageReturns() {
            assertReadsLikeTheSpecimen(read(Specimens.TD3.replace("\n", "\r\n") + "\r\n"));
        }

        @Test
        void stripsTrailingSpacesAndTabs() {
            String[] lines = Specimens.TD3.split("\n");
            assertReadsLikeTheSpecimen(read(lines[0] + "  \t \n" + lines[1] + "\t\r\n   "));
        }

        @Test
        void dropsBlankLines() {
            String[] lines = Specimens.TD3.split("\n");
            assertReadsLikeTheSpecimen(read("\n \n" + lines[0] + "\n\n\t\n" + lines[1] + "\n\n"));
        }

        @Test
        void upperCasesLowerCaseLetters() {
            assertReadsLikeTheSpecimen(read(Specimens.TD3.toLowerCase()));
            assertThat(read(Specimens.TD1_OVERFLOW.toLowerCase()).documentNumber()).isEqualTo("D23145890734");
        }

        @Test
        void reportsAnInvalidCharacterWithItsLineAndPosition() {
            MrzResult result = read(Zone.replace(Specimens.TD3, 1, 15, '-'));

            assertThat(result.valid()).isFalse();
            assertThat(result.format()).isEqualTo(MrzFormat.TD3);
            assertThat(result.errors()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(INVALID_CHARACTER);
                assertThat(p.field()).isEqualTo("surname");
                assertThat(p.line()).isEqualTo(1);
                assertThat(p.position()).isEqualTo(15);
                assertThat(p.message()).contains("'-'");
            });
        }

        @ParameterizedTest
        @ValueSource(chars = {'É', 'ö', 'ß', 'ع', '١', '１', '\t', ' ', '\u00a0', '\u0000', '\u200b', '\r',
                '\ufeff'})
        void rejectsCharactersOutsideTheMrzAlphabet(char c) {
            MrzResult result = read(Zone.replace(Specimens.TD3, 2, 21, c));

            assertThat(result.format()).isEqualTo(MrzFormat.TD3);
            assertThat(result.errors()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(INVALID_CHARACTER);
                assertThat(p.field()).isEqualTo("sex");
                assertThat(p.line()).isEqualTo(2);
                assertThat(p.position()).isEqualTo(21);
            });
            assertThat(result.sex()).isNull();
        }

        @Test
        void reportsAnInvalidCharacterInACheckedFieldInsteadOfItsCheckDigits() {
            MrzResult inDate = read(Zone.replace(Specimens.TD3, 2, 16, '#'));
            MrzResult inCheckDigit = read(Zone.replace(Specimens.TD1, 1, 15, '?'));

            assertThat(codes(inDate.errors())).containsExactly(INVALID_CHARACTER);
            assertThat(inDate.errors().getFirst().field()).isEqualTo("dateOfBirth");
            assertThat(inDate.dateOfBirth()).isNull();
            assertThat(codes(inCheckDigit.errors())).containsExactly(INVALID_CHARACTER);
            assertThat(inCheckDigit.errors().getFirst().field()).isEqualTo("documentNumber");
        }

        @Test
        void reportsCharactersOutsideTheBasicPlaneWithoutBreakingTheLine() {
            String[] lines = Specimens.TD3.split("\n");
            String emoji = lines[0].substring(0, 20) + "\uD83D\uDE00" + lines[0].substring(22);

            MrzResult result = read(emoji + "\n" + lines[1]);

            assertThat(result.format()).isEqualTo(MrzFormat.TD3);
            assertThat(codes(result.errors())).containsExactly(INVALID_CHARACTER, INVALID_CHARACTER);
        }

        @Test
        void listsTwelveInvalidCharactersAndSummarisesTheRest() {
            String[] lines = Specimens.TD3.split("\n");
            String name = lines[0].substring(0, 5) + "Ä".repeat(20) + lines[0].substring(25);

            MrzResult result = read(name + "\n" + lines[1]);

            assertThat(result.errors()).hasSize(13).allSatisfy(p -> assertThat(p.code()).isEqualTo(INVALID_CHARACTER));
            assertThat(result.errors()).filteredOn(p -> p.line() == null).singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("8 further"));
        }

        @Test
        void reportsInvalidCharactersAlsoWhenTheFormatIsUnknown() {
            MrzResult result = read("HELLO-WORLD");

            assertThat(result.format()).isNull();
            assertThat(codes(result.errors())).containsExactlyInAnyOrder(LINE_COUNT, INVALID_CHARACTER);
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "\n", "\n\n  \n", "\r\n\t\r\n", "   "})
        void reportsEmptyInput(String text) {
            MrzResult result = read(text);

            assertThat(result.valid()).isFalse();
            assertThat(result.format()).isNull();
            assertThat(result.errors()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(EMPTY_INPUT);
                assertThat(p.field()).isEqualTo("mrz");
            });
            assertThat(result.warnings()).isEmpty();
        }
    }

    // -------------------------------------------------------------------------------------------

    @Nested
    class ZoneShape {

        static Stream<Arguments> wrongLineCounts() {
            String line44 = Specimens.TD3.split("\n")[1];
            String line30 = Specimens.TD1.split("\n")[0];
            String line36 = Specimens.TD2.split("\n")[0];
            return Stream.of(
                    Arguments.of(line44),
                    Arguments.of(line44 + "\n" + line44 + "\n" + line44),
                    Arguments.of(line30 + "\n" + line30),
                    Arguments.of(line30 + "\n" + line30 + "\n" + line30 + "\n" + line30),
                    Arguments.of(line36 + "\n" + line36 + "\n" + line36),
                    Arguments.of("P<UTO"),
                    Arguments.of(line44 + line44),
                    Arguments.of("A\nB\nC\nD\nE"));
        }

        @ParameterizedTest
        @MethodSource("wrongLineCounts")
        void rejectsAWrongNumberOfLines(String text) {
            MrzResult result = read(text);

            assertThat(result.format()).isNull();
            assertThat(codes(result.errors())).containsExactly(LINE_COUNT);
        }

        @Test
        void rejectsALineOfTheWrongLength() {
            String[] td3 = Specimens.TD3.split("\n");
            String[] td1 = Specimens.TD1.split("\n");

            MrzResult shortLine = read(td3[0] + "\n" + td3[1].substring(1));
            MrzResult longLine = read(td1[0] + "\n" + td1[1] + "<\n" + td1[2]);

            assertThat(shortLine.format()).isNull();
            assertThat(shortLine.errors()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(LINE_LENGTH);
                assertThat(p.line()).isEqualTo(2);
            });
            assertThat(longLine.errors()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(LINE_LENGTH);
                assertThat(p.line()).isEqualTo(2);
            });
        }

        @Test
        void rejectsLeadingSpacesAsAWrongLength() {
            String[] td3 = Specimens.TD3.split("\n");

            MrzResult result = read(" " + td3[0] + "\n" + td3[1]);

            assertThat(codes(result.errors())).contains(LINE_LENGTH);
            assertThat(result.format()).isNull();
        }

        @Test
        void rejectsLinesThatMatchNoFormat() {
            MrzResult twoOfForty = read("A".repeat(40) + "\n" + "B".repeat(40));
            MrzResult twoOfThirty = read("A".repeat(30) + "\n" + "B".repeat(31));

            assertThat(codes(twoOfForty.errors())).containsExactly(UNKNOWN_FORMAT);
            assertThat(codes(twoOfThirty.errors())).containsExactly(UNKNOWN_FORMAT);
            assertThat(twoOfForty.format()).isNull();
        }

        @Test
        void rejectsAZoneMixingLineLengthsOfDifferentFormats() {
            String[] td3 = Specimens.TD3.split("\n");
            String[] td2 = Specimens.TD2.split("\n");

            MrzResult result = read(td3[0] + "\n" + td2[1]);

            assertThat(codes(result.errors())).containsExactly(LINE_LENGTH);
            assertThat(result.format()).isNull();
        }
    }

    // -------------------------------------------------------------------------------------------

    @Nested
    class OcrRepair {

        static List<Integer> positions(List<MrzProblem> problems, MrzProblemCode code) {
            return problems.stream().filter(p -> p.code() == code).map(MrzProblem::position).toList();
        }

        @Test
        void repairsLettersInTheBirthDateThatTheCheckDigitProves() {
            String text = Zone.replace(Zone.replace(Specimens.TD3, 2, 16, 'O'), 2, 18, 'I');

            MrzResult result = read(text);

            assertThat(result.valid()).isTrue();
            assertThat(result.dateOfBirth()).isEqualTo("1974-08-12");
            assertThat(positions(result.warnings(), OCR_REPAIRED)).containsExactly(16, 18);
            assertThat(result.warnings()).allSatisfy(p -> {
                assertThat(p.field()).isEqualTo("dateOfBirth");
                assertThat(p.line()).isEqualTo(2);
            });
        }

        @Test
        void repairsLettersInTheExpiryDate() {
            String text = Specimens.TD3;
            int[] positions = {22, 23, 24, 26, 27};
            char[] letters = {'I', 'Z', 'Q', 'I', 'S'};
            for (int i = 0; i < positions.length; i++) {
                text = Zone.replace(text, 2, positions[i], letters[i]);
            }

            MrzResult result = read(text);

            assertThat(result.valid()).isTrue();
            assertThat(result.dateOfExpiry()).isEqualTo("2012-04-15");
            assertThat(positions(result.warnings(), OCR_REPAIRED)).containsExactly(22, 23, 24, 26, 27);
        }

        @Test
        void repairsEveryConfusionOfTheMap() {
            // birth date 650828 with check digit, then D/Q/O for 0, G for 6, B for 8, Z for 2, S for 5
            String good = Zone.td1().birth("650828").expiry("201026").text();
            String text = Zone.replace(Zone.replace(Zone.replace(good, 2, 1, 'G'), 2, 2, 'S'), 2, 4, 'B');
            text = Zone.replace(Zone.replace(Zone.replace(text, 2, 5, 'Z'), 2, 10, 'D'), 2, 12, 'Q');
            text = Zone.replace(text, 2, 11, 'I');

            MrzResult result = read(text);

            assertThat(result.valid()).isTrue();
            assertThat(result.dateOfBirth()).isEqualTo("1965-08-28");
            assertThat(result.dateOfExpiry()).isEqualTo("2020-10-26");
            assertThat(positions(result.warnings(), OCR_REPAIRED)).containsExactly(1, 2, 4, 5, 10, 11, 12);
        }

        @Test
        void repairsCheckDigitsReadAsLetters() {
            MrzResult documentNumber = read(Zone.replace(Specimens.TD3, 2, 10, 'G'));
            MrzResult birthDate = read(Zone.replace(Specimens.TD3, 2, 20, 'Z'));
            MrzResult personalNumber = read(Zone.replace(Specimens.TD3, 2, 43, 'I'));

            for (MrzResult result : List.of(documentNumber, birthDate, personalNumber)) {
                assertThat(result.valid()).isTrue();
                assertThat(codes(result.warnings())).containsExactly(OCR_REPAIRED);
            }
            assertThat(documentNumber.warnings().getFirst().field()).isEqualTo("documentNumber");
            assertThat(personalNumber.warnings().getFirst().field()).isEqualTo("optionalData");
            assertThat(personalNumber.optionalData()).isEqualTo("ZE184226B");
        }

        @Test
        void repairsTheEmptyPersonalNumbersCheckDigit() {
            MrzResult result = read(Zone.replace(Zone.td3().emptyPersonalNumberCheck('0').text(), 2, 43, 'O'));

            assertThat(result.valid()).isTrue();
            assertThat(codes(result.warnings())).containsExactly(OCR_REPAIRED);
        }

        @ParameterizedTest
        @ValueSource(chars = {'O', 'Q', 'D'})
        void repairsTheCompositeCheckDigit(char letter) {
            MrzResult passport = read(Zone.replace(Specimens.TD3, 2, 44, letter));

            assertThat(passport.valid()).isTrue();
            assertThat(passport.warnings()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(OCR_REPAIRED);
                assertThat(p.field()).isEqualTo("composite");
                assertThat(p.position()).isEqualTo(44);
            });
            MrzResult card = read(Zone.replace(Specimens.TD1, 2, 30, 'G'));
            assertThat(card.valid()).isTrue();
            assertThat(codes(card.warnings())).containsExactly(OCR_REPAIRED);
        }

        @Test
        void computesTheCompositeOverTheRepairedCharacters() {
            // The composite digit 0 is right for the digits 7408122, not for the letters read in their place.
            String text = Zone.replace(Zone.replace(Specimens.TD3, 2, 16, 'O'), 2, 20, 'Z');
            assertThat(Zone.checkDigit("L898902C36" + "74O812Z" + "1204159ZE184226B<<<<<1")).isNotEqualTo('0');

            MrzResult result = read(text);

            assertThat(result.valid()).isTrue();
            assertThat(positions(result.warnings(), OCR_REPAIRED)).containsExactly(16, 20);
        }

        @Test
        void doesNotRepairADateWhenTheCheckDigitDisagrees() {
            // Built with its check digit computed over the letter: the repaired digit would not match it.
            String text = Zone.td3().birth("7408I2").text();
            assertThat(Zone.checkDigit("740812")).isNotEqualTo(Zone.at(text, 2, 20));

            MrzResult result = read(text);

            assertThat(result.valid()).isFalse();
            assertThat(codes(result.errors())).containsExactly(INVALID_BIRTH_DATE);
            assertThat(result.dateOfBirth()).isNull();
            assertThat(result.hasWarning(OCR_REPAIRED)).isFalse();
        }

        @Test
        void doesNotRepairADateWhoseCheckDigitIsWrong() {
            String text = withWrongDigit(Zone.replace(Specimens.TD3, 2, 16, 'O'), 2, 20);

            MrzResult result = read(text);

            assertThat(result.valid()).isFalse();
            assertThat(codes(result.errors())).contains(BIRTH_DATE_CHECK_DIGIT, INVALID_BIRTH_DATE);
            assertThat(result.hasWarning(OCR_REPAIRED)).isFalse();
        }

        @Test
        void doesNotRepairLettersThatAreNoKnownConfusion() {
            MrzResult result = read(Zone.replace(Specimens.TD3, 2, 16, 'A'));

            assertThat(result.valid()).isFalse();
            assertThat(codes(result.errors())).contains(INVALID_BIRTH_DATE);
            assertThat(result.hasWarning(OCR_REPAIRED)).isFalse();
        }

        @Test
        void neverChangesAlphanumericFields() {
            String text = Zone.td3().number("L8989O2C3").optional("ZE1B4226B").text();

            MrzResult result = read(text);

            assertThat(result.valid()).isTrue();
            assertThat(result.documentNumber()).isEqualTo("L8989O2C3");
            assertThat(result.optionalData()).isEqualTo("ZE1B4226B");
            assertThat(result.warnings()).isEmpty();
        }

        @Test
        void suggestsTheOneSubstitutionThatMakesEveryCheckDigitPass() {
            String text = Zone.replace(Specimens.TD3, 2, 6, 'O');

            MrzResult result = read(text);

            assertThat(result.valid()).isFalse();
            assertThat(result.documentNumber()).isEqualTo("L8989O2C3");
            assertThat(codes(result.errors())).containsExactly(DOCUMENT_NUMBER_CHECK_DIGIT, COMPOSITE_CHECK_DIGIT);
            assertThat(result.warnings()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(REPAIR_SUGGESTED);
                assertThat(p.field()).isEqualTo("documentNumber");
                assertThat(p.line()).isEqualTo(2);
                assertThat(p.position()).isEqualTo(6);
                assertThat(p.message()).contains("'O'", "'0'");
            });
        }

        @Test
        void suggestsARepairInTheTd1OptionalData() {
            String good = Zone.td1().optional2("AB1234").text();
            String text = Zone.replace(good, 2, 21, 'I');

            MrzResult result = read(text);

            assertThat(codes(result.errors())).containsExactly(COMPOSITE_CHECK_DIGIT);
            assertThat(result.warnings()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(REPAIR_SUGGESTED);
                assertThat(p.field()).isEqualTo("optionalData2");
                assertThat(p.position()).isEqualTo(21);
            });
        }

        @Test
        void suggestsNothingWhenTwoSubstitutionsWouldBothWork() {
            // L89B902C3: reading B at position 4 as 8, or 8 at position 2 as B, would both pass.
            String text = Zone.replace(Specimens.TD3, 2, 4, 'B');
            String one = Zone.replace(text, 2, 4, '8');
            String other = Zone.replace(text, 2, 2, 'B');
            assertThat(read(one).valid()).isTrue();
            assertThat(read(other).valid()).isTrue();

            MrzResult result = read(text);

            assertThat(codes(result.errors())).containsExactly(DOCUMENT_NUMBER_CHECK_DIGIT, COMPOSITE_CHECK_DIGIT);
            assertThat(result.warnings()).isEmpty();
        }

        @Test
        void suggestsNothingWhenNoSingleSubstitutionRestoresEveryCheckDigit() {
            String text = withWrongDigit(Zone.replace(Specimens.TD3, 2, 6, 'O'), 2, 20);

            MrzResult result = read(text);

            assertThat(result.hasWarning(REPAIR_SUGGESTED)).isFalse();
        }
    }

    // -------------------------------------------------------------------------------------------

    @Nested
    class EveryProblemCode {

        /** A zone that shows the code, and the day to read it on. */
        static String example(MrzProblemCode code) {
            return switch (code) {
                case EMPTY_INPUT -> " \n";
                case UNKNOWN_FORMAT -> "A".repeat(40) + "\n" + "A".repeat(40);
                case LINE_COUNT -> Specimens.TD3.split("\n")[0];
                case LINE_LENGTH -> Specimens.TD3 + "<";
                case INVALID_CHARACTER -> Zone.replace(Specimens.TD3, 1, 6, '*');
                case DOCUMENT_NUMBER_CHECK_DIGIT -> withWrongDigit(Specimens.TD3, 2, 10);
                case BIRTH_DATE_CHECK_DIGIT -> withWrongDigit(Specimens.TD3, 2, 20);
                case EXPIRY_DATE_CHECK_DIGIT -> withWrongDigit(Specimens.TD3, 2, 28);
                case PERSONAL_NUMBER_CHECK_DIGIT -> withWrongDigit(Specimens.TD3, 2, 43);
                case COMPOSITE_CHECK_DIGIT -> withWrongDigit(Specimens.TD3, 2, 44);
                case FINAL_CHECK_DIGIT -> Zone.replace(Specimens.TD3, 2, 44, '<');
                case INVALID_BIRTH_DATE -> Zone.td3().birth("741301").text();
                case INVALID_EXPIRY_DATE -> Zone.td3().expiry("120230").text();
                case INVALID_DOCUMENT_CODE -> Zone.td3().code("Q").text();
                case UNKNOWN_ISSUING_STATE -> Zone.td3().issuingState("ZZZ").text();
                case UNKNOWN_NATIONALITY -> Zone.td3().nationality("ZZZ").text();
                case INVALID_SEX -> Zone.td3().sex('Y').text();
                case OCR_REPAIRED -> Zone.replace(Specimens.TD3, 2, 16, 'O');
                case REPAIR_SUGGESTED -> Zone.replace(Specimens.TD3, 2, 6, 'Q');
                case DOCUMENT_CODE_NOT_ALLOWED -> Zone.td1().code("IV").text();
                case NAME_POSSIBLY_TRUNCATED -> Zone.td1().nameField("X".repeat(30)).text();
                case DOCUMENT_EXPIRED -> Specimens.MRV_B;
            };
        }

        @ParameterizedTest
        @EnumSource(MrzProblemCode.class)
        void reportsTheCode(MrzProblemCode code) {
            MrzResult result = read(example(code));

            List<MrzProblem> reported = code.severity() == Severity.ERROR
                    ? result.errors() : result.warnings();
            assertThat(codes(reported)).contains(code);
            assertThat(reported).filteredOn(p -> p.code() == code)
                    .allSatisfy(p -> assertThat(p.message()).isNotBlank());
            assertThat(result.hasError(code) || result.hasWarning(code)).isTrue();
        }
    }
}
