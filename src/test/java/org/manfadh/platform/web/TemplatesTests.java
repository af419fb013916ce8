package org.manfadh.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The screens' content security policy allows scripts and styles from the application's own files
 * only: a template that writes an inline script, an event handler attribute or a style would be
 * refused by the browser, so none may.
 */
class TemplatesTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    private static final Pattern INLINE = Pattern.compile(
            "(?i)<script(?![^>]*\\bth:src=|[^>]*\\bsrc=)[^>]*>|<style\\b|\\s(th:)?on[a-z]+\\s*=|\\s(th:)?style\\s*=|javascript:");

    @Test
    void holdNoInlineScriptHandlerOrStyle() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = INLINE.matcher(Files.readString(file));
                while (m.find()) {
                    found.add(TEMPLATES.relativize(file) + ": " + m.group().strip());
                }
            }
        }

        assertThat(found).isEmpty();
    }

    @Test
    void recognisesWhatThePolicyRefuses() {
        assertThat(INLINE.matcher("<script>alert(1)</script>").find()).isTrue();
        assertThat(INLINE.matcher("<button onclick=\"print()\">").find()).isTrue();
        assertThat(INLINE.matcher("<div th:style=\"'height:1%'\">").find()).isTrue();
        assertThat(INLINE.matcher("<style>p{}</style>").find()).isTrue();
        assertThat(INLINE.matcher("<script th:src=\"@{/js/manfadh.js}\" defer></script>").find()).isFalse();
    }
}
