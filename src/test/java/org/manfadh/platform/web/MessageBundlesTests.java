package org.manfadh.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.manfadh.access.Role;
import org.manfadh.bordercontrol.CrossingFlag;
import org.manfadh.bordercontrol.Decision;
import org.manfadh.bordercontrol.Direction;
import org.manfadh.bordercontrol.stay.StayBasis;
import org.manfadh.document.MrzProblemCode;
import org.manfadh.screening.ActionOnHit;
import org.manfadh.screening.ListAuthority;
import org.manfadh.screening.ScreeningOutcome;
import org.manfadh.screening.WatchlistKind;

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

    /**
     * Latin words an Arabic or Kurdish text may hold: codes and formats an officer types or reads as
     * printed (ICAO country codes, YYYY-MM-DD, file formats), keys on the keyboard, and names.
     */
    static final Set<String> LATIN_ALLOWED = Set.of("Enter", "Ctrl", "Esc", "Alt", "ICAO", "IRQ", "IRN", "TUR", "ZRB",
            "XML", "CSV", "API", "YYYY");
    /** Keys whose values are codes, not text. */
    static final Set<String> CODE_KEYS = Set.of("page.lang", "page.dir");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[0-9]+(,[^}]*)?}");
    private static final Pattern LATIN_WORD = Pattern.compile("\\p{IsLatin}{3,}");
    /** A Western digit that is not part of a code such as F2 or TD3 (a digit touching a Latin letter). */
    private static final Pattern LONE_WESTERN_DIGITS = Pattern.compile("(?<![\\p{IsLatin}0-9])[0-9]+(?![\\p{IsLatin}0-9])");

    /** Lines of the form {@code key=value} in a bundle's text, in order, without comments. */
    private static List<String[]> entries(String suffix) throws IOException {
        Properties properties = bundle(suffix);
        return properties.stringPropertyNames().stream().sorted()
                .filter(key -> !CODE_KEYS.contains(key))
                .map(key -> new String[] {key, PLACEHOLDER.matcher(properties.getProperty(key)).replaceAll("")})
                .toList();
    }

    static List<String> englishWords(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = LATIN_WORD.matcher(text);
        while (m.find()) {
            if (!LATIN_ALLOWED.contains(m.group())) {
                found.add(m.group());
            }
        }
        return found;
    }

    static boolean hasWesternDigits(String text) {
        return LONE_WESTERN_DIGITS.matcher(text).find();
    }

    @ParameterizedTest
    @ValueSource(strings = {"_ar", "_ckb"})
    void speaksNoEnglishInArabicOrKurdish(String suffix) throws IOException {
        List<String> english = new ArrayList<>();
        for (String[] entry : entries(suffix)) {
            List<String> words = englishWords(entry[1]);
            if (!words.isEmpty()) {
                english.add(entry[0] + ": " + words);
            }
        }
        assertThat(english).as("Latin words outside the allowed codes and names in messages" + suffix).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"_ar", "_ckb"})
    void writesNumbersInArabicIndicDigits(String suffix) throws IOException {
        List<String> western = new ArrayList<>();
        for (String[] entry : entries(suffix)) {
            if (hasWesternDigits(entry[1])) {
                western.add(entry[0] + "=" + entry[1]);
            }
        }
        assertThat(western).as("Western digits in messages" + suffix + " (the screens show ٠١٢٣٤٥٦٧٨٩)").isEmpty();
    }

    @Test
    void tellsCodesFromEnglishAndDigitsFromKeyNames() {
        assertThat(englishWords("امسح بـ Ctrl+Enter رمز IRQ")).isEmpty();
        assertThat(englishWords("Node id غير معروف")).containsExactly("Node");
        assertThat(hasWesternDigits("Esc أو F2: التالي، TD3")).isFalse();
        assertThat(hasWesternDigits("السطر 2")).isTrue();
        assertThat(hasWesternDigits("السطر ٢")).isFalse();
    }

    @Test
    void explainsEveryDocumentProblemToTheOfficer() throws IOException {
        Properties english = bundle("");
        for (MrzProblemCode code : MrzProblemCode.values()) {
            assertThat(english.getProperty("problem." + code.name())).as(code.name()).isNotBlank();
        }
    }

    @Test
    void labelsEveryValueTheScreensShow() throws IOException {
        Properties english = bundle("");
        List<String> keys = new ArrayList<>();
        Stream.of(CrossingFlag.values()).forEach(v -> keys.add("flag." + v));
        Stream.of(Decision.values()).forEach(v -> keys.add("decision." + v));
        Stream.of(Decision.values()).forEach(v -> keys.add("recorded." + v));
        Stream.of(Direction.values()).forEach(v -> keys.add("direction." + v));
        Stream.of(StayBasis.values()).forEach(v -> keys.add("stay.basis." + v));
        Stream.of(ScreeningOutcome.values()).forEach(v -> keys.add("screening.outcome." + v));
        Stream.of(ScreeningOutcome.values()).forEach(v -> keys.add("screening.level." + v));
        Stream.of(WatchlistKind.values()).forEach(v -> keys.add("watchlist.kind." + v));
        Stream.of(ActionOnHit.values()).forEach(v -> keys.add("watchlist.action." + v));
        Stream.of(ListAuthority.values()).forEach(v -> keys.add("authority." + v));
        Stream.of(Role.values()).forEach(v -> keys.add("role." + v));
        Stream.of(org.manfadh.bordercontrol.Purpose.values()).forEach(v -> keys.add("purpose." + v));
        Stream.of(org.manfadh.bordercontrol.VisaType.values()).forEach(v -> keys.add("visaType." + v));
        assertThat(keys).allSatisfy(key -> assertThat(english.getProperty(key)).as(key).isNotBlank());
    }

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern MESSAGE = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)[}(]");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->|<!DOCTYPE[^>]*>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile(
            "<(/?)([a-zA-Z][\\w:-]*)((?:\\s+[^\\s\"'>/=]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s\"'>]+))?)*)\\s*(/?)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([^\\s\"'>/=]+)(?:\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s\"'>]+))?");
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
            "meta", "source", "track", "wbr");
    /** Attributes a user reads or hears: they must come from the bundles (th:placeholder, th:title …). */
    private static final Set<String> READ_ATTRIBUTES = Set.of("placeholder", "title", "aria-label", "alt");
    /** Content an attribute replaces at run time, or words that are names in their own language (lang="…"). */
    private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert", "lang");

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
    }

    @Test
    void findsEveryMessageATemplateNames() throws IOException {
        Properties english = bundle("");
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher m = MESSAGE.matcher(Files.readString(template));
            while (m.find()) {
                if (english.getProperty(m.group(1)) == null) {
                    missing.add(TEMPLATES.relativize(template) + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).as("message keys used in templates but missing from messages.properties").isEmpty();
    }

    /**
     * No word on a screen is written into a template: text is replaced at run time (th:text …), and
     * the attributes people read or hear (placeholder, title, aria-label, alt) come from the bundles.
     * Punctuation, digits, key names in kbd and language names marked with their lang are allowed.
     */
    @Test
    void writesNoUserVisibleTextIntoTemplates() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path template : templates()) {
            found.addAll(hardCodedText(Files.readString(template), TEMPLATES.relativize(template).toString()));
        }
        assertThat(found).as("user-visible text written into templates instead of messages*.properties").isEmpty();
    }

    @Test
    void tellsHardCodedTextFromTranslatedText() {
        assertThat(hardCodedText("""
                <p th:text="#{a}">Prototype</p><span lang="ar">العربية</span><kbd>Alt+A</kbd> · (1)
                <input th:placeholder="#{b}"><i th:if="${x > 1}"><b th:text="${y}">y</b></i>
                """, "good")).isEmpty();
        assertThat(hardCodedText("<p>Hello <b th:text=\"#{a}\">x</b></p><input placeholder=\"Name\">", "bad"))
                .containsExactly("bad: \"Hello\" in <p>", "bad: <input placeholder=\"Name\">");
    }

    private static List<String> hardCodedText(String source, String name) {
        List<String> found = new ArrayList<>();
        String html = COMMENT.matcher(source).replaceAll("");
        Deque<Boolean> replaced = new ArrayDeque<>();
        Deque<String> open = new ArrayDeque<>();
        Matcher tag = TAG.matcher(html);
        int at = 0;
        while (tag.find()) {
            checkText(html.substring(at, tag.start()), replaced, open, name, found);
            at = tag.end();
            String element = tag.group(2).toLowerCase(java.util.Locale.ROOT);
            if (!tag.group(1).isEmpty()) {
                while (!open.isEmpty()) {
                    replaced.pop();
                    if (open.pop().equals(element)) {
                        break;
                    }
                }
                continue;
            }
            boolean replaces = element.equals("kbd") || element.equals("script") || element.equals("style");
            Matcher attribute = ATTRIBUTE.matcher(tag.group(3));
            while (attribute.find()) {
                String attributeName = attribute.group(1);
                replaces |= REPLACING.contains(attributeName);
                if (READ_ATTRIBUTES.contains(attributeName) && attribute.group(2) != null
                        && attribute.group(2).codePoints().anyMatch(Character::isLetter)) {
                    found.add(name + ": <" + element + " " + attributeName + "=" + attribute.group(2) + ">");
                }
            }
            if (!VOID.contains(element) && tag.group(4).isEmpty()) {
                open.push(element);
                replaced.push(replaces);
            }
        }
        checkText(html.substring(at), replaced, open, name, found);
        return found;
    }

    private static void checkText(String text, Deque<Boolean> replaced, Deque<String> open, String template,
                                  List<String> found) {
        if (text.codePoints().noneMatch(Character::isLetter) || replaced.contains(Boolean.TRUE)) {
            return;
        }
        found.add(template + ": \"" + text.strip() + "\" in <" + open.peek() + ">");
    }
}
