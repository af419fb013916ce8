package org.manfadh.statistics.web.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class ColumnChartTests {

    private static List<ColumnChart.Category> hours() {
        List<ColumnChart.Category> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            hours.add(new ColumnChart.Category(Integer.toString(h), List.of((long) h * 10, 5L), null));
        }
        return hours;
    }

    private static final ColumnChart.Words WORDS = new ColumnChart.Words("By hour", List.of("Entries", "Exits"),
            "No crossings", "—");

    @Test
    void putsTheFirstHourOnTheLeftInEnglishAndOnTheRightInArabic() {
        SvgDocument en = SvgDocument.parse(ColumnChart.render(hours(), WORDS, ChartLanguage.ENGLISH));
        SvgDocument ar = SvgDocument.parse(ColumnChart.render(hours(), WORDS, ChartLanguage.of("ar")));
        List<Element> enGroups = en.withClass("g", "category");
        List<Element> arGroups = ar.withClass("g", "category");
        assertThat(x(enGroups.getFirst())).isLessThan(x(enGroups.getLast()));
        assertThat(x(arGroups.getFirst())).isGreaterThan(x(arGroups.getLast()));
        assertThat(enGroups.get(3).getElementsByTagNameNS("*", "title").item(0).getTextContent())
                .isEqualTo("3 · Entries 30 · Exits 5");
    }

    @Test
    void makesColumnsAsTallAsTheirFigures() {
        SvgDocument svg = SvgDocument.parse(ColumnChart.render(hours(), WORDS, ChartLanguage.ENGLISH));
        Element twenty = (Element) svg.withClass("g", "category").get(2).getElementsByTagNameNS("*", "rect").item(0);
        Element forty = (Element) svg.withClass("g", "category").get(4).getElementsByTagNameNS("*", "rect").item(0);
        assertThat(SvgDocument.number(forty, "height")).isEqualTo(2 * SvgDocument.number(twenty, "height"), org.assertj.core.data.Offset.offset(0.11));
    }

    @Test
    void saysSoWhenEveryFigureIsZero() {
        List<ColumnChart.Category> empty = List.of(new ColumnChart.Category("0", List.of(0L, 0L), null));
        assertThat(SvgDocument.parse(ColumnChart.render(empty, WORDS, ChartLanguage.ENGLISH)).texts("empty"))
                .containsExactly("No crossings");
    }

    private static double x(Element group) {
        return SvgDocument.number((Element) group.getElementsByTagNameNS("*", "rect").item(0), "x");
    }

    @Test
    void fitsTheBoxItIsGiven() {
        SvgDocument svg = SvgDocument.parse(ColumnChart.render(hours(), WORDS, ChartLanguage.ENGLISH, 560, 260));
        assertThat(svg.root().getAttribute("viewBox")).isEqualTo("0 0 560 260");
        assertThat(svg.all("rect")).allSatisfy(r -> assertThat(SvgDocument.number(r, "x") + SvgDocument.number(r, "width"))
                .isLessThanOrEqualTo(560.0));
    }

    @Test
    void drawsAGroupOfWithheldFiguresAsWithheldNotAsNothing() {
        List<ColumnChart.Category> withheld = List.of(new ColumnChart.Category("18-29", java.util.Arrays.asList(null, 0L), null));
        SvgDocument svg = SvgDocument.parse(ColumnChart.render(withheld, WORDS, ChartLanguage.ENGLISH));
        assertThat(svg.texts("empty")).isEmpty();
        assertThat(svg.withClass("g", "category").getFirst().getTextContent()).isEqualTo("18-29 · Entries — · Exits 0");
    }
}
