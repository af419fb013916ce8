package org.manfadh.screening.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The model Manfadh ships is learnt at build time and read back at start: what is read must be
 * what was learnt, and a damaged or missing file must say so rather than screen with a wrong model.
 */
class LearntModelFileTests {

    /** Learnt here, from the corpora, as the build learns it. */
    private static final class Learnt {
        static final TransliterationModel MODEL = TransliterationModel.learnFromClasspath();
        static final byte[] WRITTEN = written(MODEL);
    }

    @Test
    void readsBackTheModelItWroteTableForTable() throws IOException {
        TransliterationModel read = LearntModelFile.read(new ByteArrayInputStream(Learnt.WRITTEN));

        assertSameLearntState(read, Learnt.MODEL);
        assertSameReadings(read, Learnt.MODEL);
    }

    @Test
    void shipsTheModelTheCorporaTeach() {
        TransliterationModel shipped = TransliterationModel.fromClasspath();

        assertSameLearntState(shipped, Learnt.MODEL);
        assertSameReadings(shipped, Learnt.MODEL);
    }

    @Test
    void writesTheSameBytesForTheSameModel() {
        TransliterationModel read = readBack(Learnt.WRITTEN);

        assertThat(written(read)).isEqualTo(Learnt.WRITTEN);
    }

    @Test
    void refusesAModelWithADamagedTable() {
        byte[] damaged = Learnt.WRITTEN.clone();
        damaged[damaged.length - 100] ^= 0x10; // inside the last segment table's probabilities

        assertThatThrownBy(() -> LearntModelFile.read(new ByteArrayInputStream(damaged)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("screening/transliteration-model.bin cannot be used")
                .hasMessageContaining("checksum")
                .hasMessageContaining("./mvnw package");
    }

    @Test
    void refusesAModelCutShort() {
        byte[] cut = Arrays.copyOf(Learnt.WRITTEN, Learnt.WRITTEN.length / 2);

        assertThatThrownBy(() -> LearntModelFile.read(new ByteArrayInputStream(cut)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ends too early");
    }

    @Test
    void refusesAFileThatIsNoModel() {
        byte[] text = "arabic\tlatin\n".repeat(20).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> LearntModelFile.read(new ByteArrayInputStream(text)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a learnt transliteration model");
    }

    @Test
    void refusesAModelWrittenForAnotherFormat() {
        byte[] other = Learnt.WRITTEN.clone();
        other[7] = 99; // the format version's last byte

        assertThatThrownBy(() -> LearntModelFile.read(new ByteArrayInputStream(other)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another version");
    }

    @Test
    void saysHowToBuildTheModelWhenTheClassPathHasNone() throws IOException {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertThatThrownBy(() -> LearntModelFile.fromClasspath(empty))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("screening/transliteration-model.bin")
                    .hasMessageContaining("is not on the class path")
                    .hasMessageContaining("./mvnw package");
        }
    }

    private static void assertSameLearntState(TransliterationModel actual, TransliterationModel expected) {
        TransliterationModel.Learnt a = actual.learnt();
        TransliterationModel.Learnt e = expected.learnt();
        assertThat(a.totalCount()).isEqualTo(e.totalCount());
        assertThat(a.keyCounts()).isEqualTo(e.keyCounts());
        assertThat(a.dictionary().keySet()).isEqualTo(e.dictionary().keySet());
        e.dictionary().forEach((arabic, latins) -> assertThat(a.dictionary().get(arabic)).as(arabic).containsExactly(latins));
        assertThat(a.codes()).isDeepEqualTo(e.codes());
        for (int t = 0; t < e.logs().length; t++) {
            // bit for bit: the doubles are written exactly
            assertThat(Arrays.stream(a.logs()[t]).mapToLong(Double::doubleToRawLongBits).toArray())
                    .as("table %d", t)
                    .containsExactly(Arrays.stream(e.logs()[t]).mapToLong(Double::doubleToRawLongBits).toArray());
        }
    }

    /** Names from the corpora (known to the dictionary, and with a letter added, unknown to it) and Persian ones. */
    private static void assertSameReadings(TransliterationModel actual, TransliterationModel expected) {
        List<TransliterationModel.Pair> sample = sample();
        assertThat(sample).hasSizeGreaterThan(400);
        Map<String, String[]> dictionary = expected.learnt().dictionary();
        int unknown = 0;
        for (TransliterationModel.Pair pair : sample) {
            for (String arabic : List.of(pair.arabic(), pair.arabic() + "ن")) {
                assertThat(actual.romanise(arabic, 8)).as(arabic).isEqualTo(expected.romanise(arabic, 8));
                assertThat(actual.generate(arabic, 32)).as(arabic).isEqualTo(expected.generate(arabic, 32));
                assertThat(actual.readingGap(arabic, pair.latin())).as(arabic + " " + pair.latin())
                        .isEqualTo(expected.readingGap(arabic, pair.latin()));
            }
            String key = PhoneticKey.of(pair.latin());
            assertThat(actual.frequency(key)).as(key).isEqualTo(expected.frequency(key));
            if (!dictionary.containsKey(pair.arabic() + "ن")) {
                unknown++;
            }
        }
        assertThat(unknown).as("names the letter model alone reads").isGreaterThan(50);
        for (String persian : List.of("پژمان", "چنگیز", "گلشیفته", "ڤیان", "ژیلا")) {
            String token = NameNormalizer.tokens(persian).getFirst();
            assertThat(actual.romanise(token, 8)).as(persian).isEqualTo(expected.romanise(token, 8));
            assertThat(actual.readingGap(token, "pezhman")).isEqualTo(expected.readingGap(token, "pezhman"));
        }
    }

    private static List<TransliterationModel.Pair> sample() {
        ClassLoader loader = LearntModelFileTests.class.getClassLoader();
        try (InputStream wikidata = loader.getResourceAsStream("screening/translit-en-ar-wikidata.tsv");
                InputStream wikipedia = loader.getResourceAsStream("screening/translit-ar-en-wikipedia.txt")) {
            List<TransliterationModel.Pair> all = TransliterationModel.readPairs(wikidata, wikipedia);
            List<TransliterationModel.Pair> sample = new ArrayList<>();
            for (int i = 0; i < all.size(); i += 151) {
                sample.add(all.get(i));
            }
            return sample;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] written(TransliterationModel model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            LearntModelFile.write(model, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static TransliterationModel readBack(byte[] written) {
        try {
            return LearntModelFile.read(new ByteArrayInputStream(written));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
