package org.manfadh.bench;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.manfadh.document.MrzFormat;
import org.manfadh.document.MrzProblemCode;
import org.manfadh.document.MrzReader;
import org.manfadh.document.MrzResult;
import org.manfadh.referencedata.IcaoCodes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of {@link MrzReader#read(String)}: recognising the format, parsing every field and
 * validating it (check digits, dates, ICAO codes, document code, sex), on one thread.
 *
 * <p>The budget is one million TD3 passports a second on one core ({@code readTd3}). Each benchmark
 * reads a fixed pool of distinct zones, generated from a fixed seed, in rotation, so that no single
 * input is learnt by the branch predictor. {@code readTd1} reads three-line identity cards (Iraqi
 * national cards); {@code readTd3WithErrors} reads passports with one wrong check digit, the path
 * that reports the failures and looks for an OCR confusion that would explain them.
 *
 * <p>The reader's clock is fixed, so that every run judges the same zones against the same date.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public class MrzReadBenchmark {

    /** Zones per pool; a power of two, so that the rotation is a mask. */
    static final int POOL_SIZE = 1024;

    /** The date the reader takes for today. */
    static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

    private static final long SEED = 9303L;
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final LocalDate OLDEST_BIRTH = LocalDate.of(1930, 1, 1);
    private static final LocalDate YOUNGEST_BIRTH = TODAY.minusDays(30);
    private static final LocalDate FIRST_EXPIRY = TODAY.plusDays(30);
    private static final LocalDate LAST_EXPIRY = TODAY.plusYears(10);

    /** Where the check digits of a TD3 zone stand on line 2, with the error that breaking each one reports. */
    private static final int[] TD3_CHECK_POSITIONS = {9, 19, 27, 42, 43};
    private static final MrzProblemCode[] TD3_CHECK_ERRORS = {
            MrzProblemCode.DOCUMENT_NUMBER_CHECK_DIGIT, MrzProblemCode.BIRTH_DATE_CHECK_DIGIT,
            MrzProblemCode.EXPIRY_DATE_CHECK_DIGIT, MrzProblemCode.PERSONAL_NUMBER_CHECK_DIGIT,
            MrzProblemCode.COMPOSITE_CHECK_DIGIT};

    private MrzReader reader;
    private String[] td3;
    private String[] td1;
    private String[] td3WithErrors;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        IcaoCodes codes = IcaoCodes.bundled();
        reader = new MrzReader(codes::contains, Clock.fixed(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant(),
                ZoneOffset.UTC));
        String[] nationalities = codes.codes().stream().filter(c -> c.length() == 3).sorted()
                .toArray(String[]::new);

        Random random = new Random(SEED);
        td3 = new String[POOL_SIZE];
        td1 = new String[POOL_SIZE];
        td3WithErrors = new String[POOL_SIZE];
        for (int i = 0; i < POOL_SIZE; i++) {
            td3[i] = td3(random, nationalities[random.nextInt(nationalities.length)]);
            td1[i] = td1(random);
            td3WithErrors[i] = td3(random, nationalities[random.nextInt(nationalities.length)]);
        }
        int[] broken = new int[POOL_SIZE];
        for (int i = 0; i < POOL_SIZE; i++) {
            broken[i] = breakCheckDigit(random, i);
        }

        verify(td3, MrzFormat.TD3);
        verify(td1, MrzFormat.TD1);
        verifyBroken(broken);
        next = 0;
    }

    @Benchmark
    public MrzResult readTd3() {
        return reader.read(td3[advance()]);
    }

    @Benchmark
    public MrzResult readTd1() {
        return reader.read(td1[advance()]);
    }

    @Benchmark
    public MrzResult readTd3WithErrors() {
        return reader.read(td3WithErrors[advance()]);
    }

    private int advance() {
        int i = next;
        next = (i + 1) & (POOL_SIZE - 1);
        return i;
    }

    // --- the pools must hold what they claim ---------------------------------------------------

    /** Every zone of a valid pool must read as valid, without warnings, in the given format. */
    private void verify(String[] pool, MrzFormat format) {
        for (int i = 0; i < pool.length; i++) {
            MrzResult result = reader.read(pool[i]);
            if (!result.valid() || result.format() != format || !result.errors().isEmpty()
                    || !result.warnings().isEmpty()) {
                throw new IllegalStateException("Zone " + i + " of the " + format + " pool does not read as a clean, valid "
                        + format + " (" + result.format() + ", errors " + result.errors() + ", warnings "
                        + result.warnings() + "):\n" + pool[i]);
            }
        }
    }

    /** Every zone of the error pool must be invalid, reporting the check digit that was broken. */
    private void verifyBroken(int[] broken) {
        for (int i = 0; i < td3WithErrors.length; i++) {
            MrzResult result = reader.read(td3WithErrors[i]);
            MrzProblemCode expected = TD3_CHECK_ERRORS[broken[i]];
            if (result.valid() || result.format() != MrzFormat.TD3 || !result.hasError(expected)
                    || result.hasError(MrzProblemCode.INVALID_CHARACTER)) {
                throw new IllegalStateException("Zone " + i + " of the error pool does not report " + expected
                        + " (errors " + result.errors() + "):\n" + td3WithErrors[i]);
            }
        }
    }

    // --- zone generation -----------------------------------------------------------------------

    /** A valid passport zone (ICAO 9303 Part 4), issued by the state of the holder's nationality. */
    static String td3(Random random, String nationality) {
        String line1 = "P<" + nationality + pad(name(random, 38), 39);
        StringBuilder line2 = new StringBuilder(44);
        String number = documentNumber(random);
        line2.append(number).append(checkDigit(number));
        line2.append(nationality);
        String birth = date(random, OLDEST_BIRTH, YOUNGEST_BIRTH);
        line2.append(birth).append(checkDigit(birth));
        line2.append(sex(random));
        String expiry = date(random, FIRST_EXPIRY, LAST_EXPIRY);
        line2.append(expiry).append(checkDigit(expiry));
        if (random.nextBoolean()) {
            String personal = pad(digits(random, 8 + random.nextInt(7)), 14);
            line2.append(personal).append(checkDigit(personal));
        } else {
            line2.append("<".repeat(14)).append('<');
        }
        String composite = line2.substring(0, 10) + line2.substring(13, 20) + line2.substring(21, 43);
        line2.append(checkDigit(composite));
        return line1 + "\n" + line2;
    }

    /** A valid Iraqi national identity card zone (ICAO 9303 Part 5, TD1). */
    static String td1(Random random) {
        StringBuilder line1 = new StringBuilder(30).append("IDIRQ");
        String number = documentNumber(random);
        line1.append(number).append(checkDigit(number));
        line1.append(pad(digits(random, 12), 15));
        StringBuilder line2 = new StringBuilder(30);
        String birth = date(random, OLDEST_BIRTH, YOUNGEST_BIRTH);
        line2.append(birth).append(checkDigit(birth));
        line2.append(sex(random));
        String expiry = date(random, FIRST_EXPIRY, LAST_EXPIRY);
        line2.append(expiry).append(checkDigit(expiry));
        line2.append("IRQ");
        line2.append(pad(digits(random, random.nextInt(12)), 11));
        String composite = line1.substring(5, 30) + line2.substring(0, 7) + line2.substring(8, 15)
                + line2.substring(18, 29);
        line2.append(checkDigit(composite));
        String line3 = pad(name(random, 29), 30);
        return line1 + "\n" + line2 + "\n" + line3;
    }

    /**
     * Replaces one check digit of zone {@code i} of the error pool by another digit, taking the five
     * check digits of a passport in turn; returns which one was broken.
     */
    private int breakCheckDigit(Random random, int i) {
        String zone = td3WithErrors[i];
        int line2 = zone.indexOf('\n') + 1;
        int which = i % TD3_CHECK_POSITIONS.length;
        if (zone.charAt(line2 + TD3_CHECK_POSITIONS[which]) == '<') {
            which = (which + 1) % TD3_CHECK_POSITIONS.length; // an unused personal number: break the composite
        }
        int at = line2 + TD3_CHECK_POSITIONS[which];
        int digit = zone.charAt(at) - '0';
        char wrong = (char) ('0' + (digit + 1 + random.nextInt(9)) % 10);
        td3WithErrors[i] = zone.substring(0, at) + wrong + zone.substring(at + 1);
        return which;
    }

    /** Surname, then one to three given names, separated as ICAO requires; at most {@code max} characters. */
    private static String name(Random random, int max) {
        while (true) {
            StringBuilder sb = new StringBuilder(word(random));
            if (random.nextInt(4) == 0) {
                sb.append('<').append(word(random));
            }
            sb.append("<<").append(word(random));
            int given = random.nextInt(3);
            for (int i = 0; i < given; i++) {
                sb.append('<').append(word(random));
            }
            if (sb.length() <= max) {
                return sb.toString();
            }
        }
    }

    private static String word(Random random) {
        int length = 2 + random.nextInt(9);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return sb.toString();
    }

    /** Nine characters: one or two letters and digits, or occasionally eight and a filler. */
    private static String documentNumber(Random random) {
        int letters = 1 + random.nextInt(2);
        int length = random.nextInt(8) == 0 ? 8 : 9;
        StringBuilder sb = new StringBuilder(9);
        for (int i = 0; i < letters; i++) {
            sb.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        sb.append(digits(random, length - letters));
        return pad(sb.toString(), 9);
    }

    private static String digits(Random random, int count) {
        StringBuilder sb = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }

    private static String date(Random random, LocalDate from, LocalDate to) {
        long days = to.toEpochDay() - from.toEpochDay();
        return LocalDate.ofEpochDay(from.toEpochDay() + (long) (random.nextDouble() * days)).format(YYMMDD);
    }

    private static char sex(Random random) {
        return List.of('M', 'F', 'M', 'F', '<', 'X').get(random.nextInt(6));
    }

    private static String pad(String text, int length) {
        return text + "<".repeat(length - text.length());
    }

    /** The ICAO 9303 Part 3 check digit: weights 7, 3, 1; A-Z count 10-35, fillers 0. */
    static char checkDigit(CharSequence text) {
        int[] weights = {7, 3, 1};
        int sum = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int value;
            if (c >= '0' && c <= '9') {
                value = c - '0';
            } else if (c >= 'A' && c <= 'Z') {
                value = c - 'A' + 10;
            } else if (c == '<') {
                value = 0;
            } else {
                throw new IllegalArgumentException("Not an MRZ character: " + c);
            }
            sum += value * weights[i % 3];
        }
        return (char) ('0' + sum % 10);
    }
}
