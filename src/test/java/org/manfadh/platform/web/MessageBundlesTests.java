package org.manfadh.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.manfadh.document.MrzProblemCode;

/** Keeps English, Arabic and Central Kurdish in step: every word on a screen exists in all three. */
class MessageBundlesTests {

    private static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTests.class.getResourceAsStream("/messages" + suffix + ".properties")) {
            assertThat(in).as("messages" + suffix).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @ParameterizedTest
    @ValueSource(strings = {"_ar", "_ckb"})
    void holdsTheSameKeysInEveryLanguage(String suffix) throws IOException {
        Properties english = bundle("");
        Properties other = bundle(suffix);

        assertThat(other.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        other.stringPropertyNames().forEach(key -> assertThat(other.getProperty(key)).as(key).isNotBlank());
    }

    @Test
    void setsLanguageAndDirectionForEachBundle() throws IOException {
        assertThat(bundle("").getProperty("page.lang")).isEqualTo("en");
        assertThat(bundle("").getProperty("page.dir")).isEqualTo("ltr");
        assertThat(bundle("_ar").getProperty("page.lang")).isEqualTo("ar");
        assertThat(bundle("_ar").getProperty("page.dir")).isEqualTo("rtl");
        assertThat(bundle("_ckb").getProperty("page.lang")).isEqualTo("ckb");
        assertThat(bundle("_ckb").getProperty("page.dir")).isEqualTo("rtl");
    }

    @Test
    void writesArabicAndKurdishInArabicScript() throws IOException {
        for (String suffix : new String[] {"_ar", "_ckb"}) {
            assertThat(bundle(suffix).getProperty("check.title")).as(suffix)
                    .matches(s -> s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC));
        }
    }

    @Test
    void explainsEveryDocumentProblemToTheOfficer() throws IOException {
        Properties english = bundle("");
        for (MrzProblemCode code : MrzProblemCode.values()) {
            assertThat(english.getProperty("problem." + code.name())).as(code.name()).isNotBlank();
        }
    }
}
