package org.manfadh.statistics.web.charts;

import java.util.List;

/**
 * Ranked horizontal bars (top nationalities, decisions, refusal reasons): a label, a bar as long as
 * its share of the largest, and the figure. In Arabic and Kurdish the labels stand on the right and
 * the bars grow leftwards. A suppressed figure has no bar and reads as its mark.
 */
public final class BarChart {

    static final int WIDTH = 560;
    static final int ROW = 26;
    static final String COLOUR = "#1f6fb2";

    /**
     * @param value null when suppressed
     * @param href  where a click on the bar leads, or null
     */
    public record Bar(String label, Long value, String href) {
    }

    /** @param suppressed what a suppressed figure reads as ({@code —}) */
    public record Words(String label, String noData, String suppressed) {
    }

    private BarChart() {
    }

    public static String render(List<Bar> bars, Words words, ChartLanguage language) {
        int height = Math.max(1, bars.size()) * ROW + 8;
        Svg svg = new Svg(WIDTH, height, "bars", words.label());
        if (bars.isEmpty()) {
            return svg.text(WIDTH / 2.0, height / 2.0 + 4, "middle", "empty", words.noData()).end();
        }
        boolean rtl = language.rightToLeft();
        double labelWidth = 170;
        double figureWidth = 70;
        double barSpace = WIDTH - labelWidth - figureWidth - 16;
        long max = bars.stream().mapToLong(b -> b.value() == null ? 0 : b.value()).max().orElse(0);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double y = 4 + i * ROW;
            double length = bar.value() == null || max == 0 ? 0 : Math.max(1, barSpace * bar.value() / max);
            double labelX = rtl ? WIDTH - 4 : labelWidth - 8;
            double barStart = rtl ? WIDTH - labelWidth : labelWidth;
            double barX = rtl ? barStart - length : barStart;
            double figureX = rtl ? barStart - length - 6 : barStart + length + 6;
            String figure = bar.value() == null ? words.suppressed() : language.number(bar.value());
            svg.openLink(bar.href());
            svg.raw("<g class=\"bar\"><title>" + Svg.escape(bar.label() + ": " + figure) + "</title>");
            svg.text(labelX, y + ROW / 2.0 + 4, "end", "label", truncate(bar.label()));
            svg.raw("<rect x=\"" + Svg.n(barX) + "\" y=\"" + Svg.n(y + 3) + "\" width=\"" + Svg.n(length) + "\" height=\""
                    + (ROW - 8) + "\" fill=\"" + COLOUR + "\"/>");
            svg.text(figureX, y + ROW / 2.0 + 4, rtl ? "end" : "start", "figure", figure);
            svg.raw("</g>");
            svg.closeLink(bar.href());
        }
        return svg.end();
    }

    private static String truncate(String label) {
        return label.length() <= 24 ? label : label.substring(0, 23) + "…";
    }
}
