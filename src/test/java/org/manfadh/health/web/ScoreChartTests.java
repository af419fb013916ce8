package org.manfadh.health.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class ScoreChartTests {

    private static final List<ScoreChart.Point> POINTS = List.of(
            new ScoreChart.Point(LocalDate.of(2026, 1, 10), 40.0),
            new ScoreChart.Point(LocalDate.of(2026, 3, 1), null),
            new ScoreChart.Point(LocalDate.of(2026, 6, 30), 85.5));

    private static List<Double> xs(String svg) {
        List<Double> xs = new ArrayList<>();
        Matcher m = Pattern.compile("<circle cx=\"([0-9.]+)\"").matcher(svg);
        while (m.find()) {
            xs.add(Double.parseDouble(m.group(1)));
        }
        return xs;
    }

    @Test
    void drawsEveryScoredAssessmentAndSkipsOneWithoutAScore() {
        String svg = ScoreChart.render(POINTS, "en", "Scores of <Najaf>", "none");
        assertThat(xs(svg)).hasSize(2);
        assertThat(svg).contains("aria-label=\"Scores of &lt;Najaf&gt;\"").contains("86%").contains("40%");
    }

    @Test
    void runsTimeLeftToRightInEnglishAndRightToLeftInArabicWithArabicDigits() {
        List<Double> english = xs(ScoreChart.render(POINTS, "en", "l", "none"));
        assertThat(english.get(0)).isLessThan(english.get(1));
        String arabic = ScoreChart.render(POINTS, "ar", "l", "none");
        List<Double> xs = xs(arabic);
        assertThat(xs.get(0)).isGreaterThan(xs.get(1));
        assertThat(arabic).contains("٤٠");
    }

    @Test
    void saysSoWhenThereIsNothingToDraw() {
        String svg = ScoreChart.render(List.of(new ScoreChart.Point(LocalDate.of(2026, 1, 1), null)), "ckb", "l",
                "هێشتا هیچ هەڵسەنگاندنێک نییە");
        assertThat(xs(svg)).isEmpty();
        assertThat(svg).contains("هێشتا هیچ هەڵسەنگاندنێک نییە");
    }
}
