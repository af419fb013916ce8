package org.manfadh.statistics.web.charts;

import java.util.ArrayList;
import java.util.List;

/**
 * Grouped vertical columns: a category along the axis (an hour of the day, an age band) and one
 * column per series (entries and exits, female and male). The category axis runs right to left in
 * Arabic and Kurdish. A category with an address leads there on a click.
 */
public final class ColumnChart {

    static final int WIDTH = 960;
    static final int HEIGHT = 300;
    static final String[] COLOURS = {"#1f6fb2", "#c0601a", "#2e7d32", "#7b4ea3"};

    /**
     * @param values one figure per series, in the order of the series' names; null when suppressed
     * @param href   where a click on the category leads, or null
     */
    public record Category(String label, List<Long> values, String href) {
        public Category {
            values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    public record Words(String label, List<String> series, String noData, String suppressed) {
        public Words {
            series = List.copyOf(series);
        }
    }

    private ColumnChart() {
    }

    public static String render(List<Category> categories, Words words, ChartLanguage language) {
        return render(categories, words, language, WIDTH, HEIGHT);
    }

    /** In a box of its own size: a narrow one for a column of the page, so that its words stay legible. */
    public static String render(List<Category> categories, Words words, ChartLanguage language, int width, int height) {
        Svg svg = new Svg(width, height, "columns", words.label());
        // A withheld figure is something to show (as withheld), not nothing.
        boolean any = categories.stream().anyMatch(c -> c.values().stream().anyMatch(v -> v == null || v > 0));
        if (!any) {
            return svg.text(width / 2.0, height / 2.0, "middle", "empty", words.noData()).end();
        }
        boolean rtl = language.rightToLeft();
        double left = rtl ? 16 : 70;
        double right = rtl ? width - 70 : width - 16;
        double top = 12;
        double bottom = height - 56;
        long max = categories.stream().flatMap(c -> c.values().stream()).mapToLong(v -> v == null ? 0 : v).max().orElse(1);
        long step = Svg.step(max, 5);
        long ceiling = Math.max(step, (long) Math.ceil((double) max / step) * step);
        for (long v = 0; v <= ceiling; v += step) {
            double y = bottom - (double) v / ceiling * (bottom - top);
            svg.line(left, y, right, y, v == 0 ? "zero" : "grid", v == 0 ? "#7d8b99" : "#e3e8ee");
            svg.text(rtl ? right + 8 : left - 8, y + 4, rtl ? "start" : "end", "tick", language.number(v));
        }
        double band = (right - left) / categories.size();
        int series = words.series().size();
        double columnWidth = Math.max(1, (band - 6) / series);
        for (int i = 0; i < categories.size(); i++) {
            Category category = categories.get(i);
            double start = rtl ? right - (i + 1) * band : left + i * band;
            svg.openLink(category.href());
            StringBuilder title = new StringBuilder(category.label());
            svg.raw("<g class=\"category\">");
            for (int s = 0; s < series; s++) {
                Long v = s < category.values().size() ? category.values().get(s) : null;
                title.append(" · ").append(words.series().get(s)).append(' ')
                        .append(v == null ? words.suppressed() : language.number(v));
                double h = v == null ? 0 : (double) v / ceiling * (bottom - top);
                // In right-to-left the first series stands on the right of its group, as it is read first.
                int slot = rtl ? series - 1 - s : s;
                svg.raw("<rect x=\"" + Svg.n(start + 3 + slot * columnWidth) + "\" y=\"" + Svg.n(bottom - h) + "\" width=\""
                        + Svg.n(columnWidth) + "\" height=\"" + Svg.n(h) + "\" fill=\"" + COLOURS[s % COLOURS.length] + "\"/>");
            }
            svg.raw("<rect x=\"" + Svg.n(start) + "\" y=\"" + Svg.n(top) + "\" width=\"" + Svg.n(band) + "\" height=\""
                    + Svg.n(bottom - top) + "\" fill=\"#000\" fill-opacity=\"0\"><title>" + Svg.escape(title.toString())
                    + "</title></rect>");
            svg.raw("</g>");
            svg.closeLink(category.href());
            if (categories.size() <= 12 || i % Math.ceil(categories.size() / 12.0) == 0) {
                svg.text(start + band / 2, bottom + 16, "middle", "tick", category.label());
            }
        }
        double x = rtl ? right : left;
        double y = height - 14;
        for (int s = 0; s < series; s++) {
            String name = words.series().get(s);
            double swatch = rtl ? x - 14 : x;
            svg.raw("<rect x=\"" + Svg.n(swatch) + "\" y=\"" + Svg.n(y - 10) + "\" width=\"14\" height=\"10\" fill=\""
                    + COLOURS[s % COLOURS.length] + "\"/>");
            svg.text(rtl ? swatch - 6 : swatch + 20, y, rtl ? "end" : "start", "legend", name);
            double advance = 20 + 7.5 * name.length() + 24;
            x = rtl ? x - advance : x + advance;
        }
        return svg.end();
    }
}
