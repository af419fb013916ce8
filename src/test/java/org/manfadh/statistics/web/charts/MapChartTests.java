package org.manfadh.statistics.web.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class MapChartTests {

    private static final MapChart.Area SQUARE = new MapChart.Area("IQ-XX", "Somewhere",
            List.of(List.of(new double[]{40, 30}, new double[]{48, 30}, new double[]{48, 37}, new double[]{40, 37},
                    new double[]{40, 30})), "/statistics/governorates/IQ-XX", false, false);

    private static final List<MapChart.Marker> MARKERS = List.of(
            new MapChart.Marker("NRT", "North", 44, 36.5, 100L, "/statistics/points/NRT", false),
            new MapChart.Marker("STH", "South", 47, 30.5, 400L, "/statistics/points/STH", true),
            new MapChart.Marker("SUP", "Hidden", 42, 33, null, null, false));

    @Test
    void sizesCirclesSoThatTheirAreaFollowsTheFlow() {
        SvgDocument svg = SvgDocument.parse(MapChart.render(List.of(SQUARE), MARKERS, new MapChart.Words("Map", "—"),
                ChartLanguage.ENGLISH));
        Element north = circle(svg, "NRT");
        Element south = circle(svg, "STH");
        double ratio = Math.pow(SvgDocument.number(south, "r") / SvgDocument.number(north, "r"), 2);
        assertThat(ratio).isCloseTo(4.0, within(0.05));
        assertThat(SvgDocument.number(circle(svg, "SUP"), "r")).isEqualTo(MapChart.MIN_RADIUS);
        assertThat(circle(svg, "SUP").getTextContent()).isEqualTo("Hidden: —");
    }

    @Test
    void keepsNorthUpAndEastToTheRightInEveryLanguage() {
        for (String language : List.of("en", "ar", "ckb")) {
            SvgDocument svg = SvgDocument.parse(MapChart.render(List.of(SQUARE), MARKERS, new MapChart.Words("Map", "—"),
                    ChartLanguage.of(language)));
            assertThat(SvgDocument.number(circle(svg, "NRT"), "cy")).isLessThan(SvgDocument.number(circle(svg, "STH"), "cy"));
            assertThat(SvgDocument.number(circle(svg, "NRT"), "cx")).isLessThan(SvgDocument.number(circle(svg, "STH"), "cx"));
        }
    }

    @Test
    void linksGovernoratesAndPointsToTheirDashboards() {
        SvgDocument svg = SvgDocument.parse(MapChart.render(List.of(SQUARE), MARKERS, new MapChart.Words("Iraq", "—"),
                ChartLanguage.of("ar")));
        assertThat(svg.all("a")).extracting(a -> a.getAttribute("href")).containsExactlyInAnyOrder(
                "/statistics/governorates/IQ-XX", "/statistics/points/NRT", "/statistics/points/STH");
        assertThat(svg.withClass("path", "governorate")).singleElement()
                .satisfies(p -> assertThat(p.getAttribute("d")).startsWith("M").endsWith("Z"));
        assertThat(circle(svg, "STH").getTextContent()).isEqualTo("South: ٤٠٠");
        assertThat(svg.root().getAttribute("aria-label")).isEqualTo("Iraq");
    }

    @Test
    void drawsTheLargestCircleFirstSoThatSmallerOnesStayClickable() {
        SvgDocument svg = SvgDocument.parse(MapChart.render(List.of(SQUARE), MARKERS, new MapChart.Words("Map", "—"),
                ChartLanguage.ENGLISH));
        assertThat(svg.withClass("circle", "point")).extracting(c -> c.getAttribute("data-code"))
                .containsExactly("STH", "NRT", "SUP");
    }

    private static Element circle(SvgDocument svg, String code) {
        return svg.withClass("circle", "point").stream().filter(c -> c.getAttribute("data-code").equals(code)).findFirst()
                .orElseThrow();
    }
}
