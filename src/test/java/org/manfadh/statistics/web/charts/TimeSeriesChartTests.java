package org.manfadh.statistics.web.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class TimeSeriesChartTests {

    private static final TimeSeriesChart.Words WORDS = new TimeSeriesChart.Words("Crossings by day <all>", "Crossings", "Entries",
            "Exits", "Net", "Forecast", "Forecast band", "No crossings");

    private static List<TimeSeriesChart.Day> days(int count, boolean forecast) {
        List<TimeSeriesChart.Day> days = new ArrayList<>();
        LocalDate first = LocalDate.of(2026, 8, 1);
        for (int i = 0; i < count; i++) {
            long entries = 1000 + i * 100L;
            days.add(new TimeSeriesChart.Day(first.plusDays(i), entries, 400L, forecast ? entries : null,
                    forecast ? entries - 200 : null, forecast ? entries + 12_000 : null, List.of(),
                    "/statistics/points/ZRB/days/" + first.plusDays(i)));
        }
        return days;
    }

    @Test
    void isAnImageNamedForAssistiveTechnology() {
        SvgDocument svg = SvgDocument.parse(TimeSeriesChart.render(days(5, false), WORDS, ChartLanguage.ENGLISH));
        assertThat(svg.root().getAttribute("role")).isEqualTo("img");
        assertThat(svg.root().getAttribute("aria-label")).isEqualTo("Crossings by day <all>");
        assertThat(svg.all("title").getFirst().getTextContent()).isEqualTo("Crossings by day <all>");
    }

    @Test
    void drawsTheForecastBandOnlyWhenThereIsAForecast() {
        SvgDocument with = SvgDocument.parse(TimeSeriesChart.render(days(10, true), WORDS, ChartLanguage.ENGLISH));
        SvgDocument without = SvgDocument.parse(TimeSeriesChart.render(days(10, false), WORDS, ChartLanguage.ENGLISH));
        assertThat(with.withClass("polygon", "band")).hasSize(1);
        assertThat(with.withClass("polyline", "expected")).hasSize(1);
        assertThat(without.withClass("polygon", "band")).isEmpty();
        assertThat(without.withClass("polyline", "expected")).isEmpty();
        assertThat(without.texts("legend")).containsExactly("Crossings", "Entries", "Exits", "Net");
    }

    @Test
    void bandReachesTheTopOfTheScale() {
        // The band's high (entries + 12,000) is far above every count: the axis must make room for it.
        SvgDocument svg = SvgDocument.parse(TimeSeriesChart.render(days(3, true), WORDS, ChartLanguage.ENGLISH));
        Element band = svg.withClass("polygon", "band").getFirst();
        for (String point : band.getAttribute("points").split(" ")) {
            double y = Double.parseDouble(point.split(",")[1]);
            assertThat(y).isBetween(0.0, (double) TimeSeriesChart.HEIGHT);
        }
        assertThat(svg.texts("tick")).contains("15,000");
    }

    @Test
    void eachDayLeadsToItsHoursAndNamesItsFigures() {
        SvgDocument svg = SvgDocument.parse(TimeSeriesChart.render(days(3, true), WORDS, ChartLanguage.ENGLISH));
        List<Element> links = svg.all("a");
        assertThat(links).hasSize(3);
        assertThat(links.getFirst().getAttribute("href")).isEqualTo("/statistics/points/ZRB/days/2026-08-01");
        assertThat(svg.withClass("rect", "day").getFirst().getTextContent())
                .isEqualTo("1 Aug 2026 · Crossings 1,400 · Entries 1,000 · Exits 400 · Net 600 · Forecast 1,000 (800–13,000)");
    }

    @Test
    void runsRightToLeftInArabicWithArabicIndicDigits() {
        String svgText = TimeSeriesChart.render(days(10, false), WORDS, ChartLanguage.of("ar"));
        SvgDocument svg = SvgDocument.parse(svgText);
        List<Element> columns = svg.withClass("rect", "day");
        assertThat(SvgDocument.number(columns.getFirst(), "x")).isGreaterThan(SvgDocument.number(columns.getLast(), "x"));
        assertThat(svg.texts("tick")).contains("٠", "١٬٠٠٠").noneMatch(t -> t.matches(".*[0-9].*"));
        // The value axis stands on the right, where a right-to-left reader starts.
        Element zero = svg.withClass("text", "tick").getFirst();
        assertThat(SvgDocument.number(zero, "x")).isGreaterThan(TimeSeriesChart.WIDTH / 2.0);
    }

    @Test
    void writesKurdishDigits() {
        SvgDocument svg = SvgDocument.parse(TimeSeriesChart.render(days(3, false), WORDS, ChartLanguage.of("ckb")));
        assertThat(String.join(" ", svg.texts("tick"))).contains("١").doesNotContain("1");
    }

    @Test
    void netFlowBelowZeroExtendsTheAxisDownwards() {
        List<TimeSeriesChart.Day> days = List.of(
                new TimeSeriesChart.Day(LocalDate.of(2026, 8, 1), 100L, 900L, null, null, null, List.of(), null),
                new TimeSeriesChart.Day(LocalDate.of(2026, 8, 2), 100L, 300L, null, null, null, List.of(), null));
        SvgDocument svg = SvgDocument.parse(TimeSeriesChart.render(days, WORDS, ChartLanguage.ENGLISH));
        assertThat(svg.texts("tick")).anyMatch(t -> t.startsWith("-"));
        assertThat(svg.withClass("line", "zero")).hasSize(1);
        assertThat(svg.all("a")).isEmpty();
    }

    @Test
    void saysSoWhenThereIsNothingToDraw() {
        SvgDocument svg = SvgDocument.parse(TimeSeriesChart.render(List.of(), WORDS, ChartLanguage.ENGLISH));
        assertThat(svg.texts("empty")).containsExactly("No crossings");
    }
}
