package org.manfadh.statistics.web.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class BarChartTests {

    private static final BarChart.Words WORDS = new BarChart.Words("Top nationalities", "No crossings", "—");

    private static final List<BarChart.Bar> BARS = List.of(new BarChart.Bar("Iran", 8000L, "/x?n=IRN"),
            new BarChart.Bar("Türkiye", 2000L, null), new BarChart.Bar("Syria", null, null));

    @Test
    void drawsEachBarInProportionToTheLargest() {
        SvgDocument svg = SvgDocument.parse(BarChart.render(BARS, WORDS, ChartLanguage.ENGLISH));
        List<Element> rects = svg.all("rect");
        assertThat(SvgDocument.number(rects.get(0), "width")).isEqualTo(4 * SvgDocument.number(rects.get(1), "width"));
        assertThat(svg.texts("label")).containsExactly("Iran", "Türkiye", "Syria");
        assertThat(svg.texts("figure")).containsExactly("8,000", "2,000", "—");
        assertThat(SvgDocument.number(rects.get(2), "width")).isZero();
        assertThat(svg.all("a")).singleElement().satisfies(a -> assertThat(a.getAttribute("href")).isEqualTo("/x?n=IRN"));
        assertThat(svg.root().getAttribute("role")).isEqualTo("img");
    }

    @Test
    void growsLeftwardsFromLabelsOnTheRightInKurdish() {
        SvgDocument svg = SvgDocument.parse(BarChart.render(BARS, WORDS, ChartLanguage.of("ckb")));
        Element label = svg.withClass("text", "label").getFirst();
        Element bar = svg.all("rect").getFirst();
        assertThat(SvgDocument.number(label, "x")).isGreaterThan(SvgDocument.number(bar, "x") + SvgDocument.number(bar, "width"));
        assertThat(svg.texts("figure").getFirst()).isEqualTo("٨٬٠٠٠");
    }

    @Test
    void saysSoWhenThereIsNothingToDraw() {
        assertThat(SvgDocument.parse(BarChart.render(List.of(), WORDS, ChartLanguage.ENGLISH)).texts("empty"))
                .containsExactly("No crossings");
    }
}
