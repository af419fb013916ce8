package org.manfadh.statistics.web.charts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Crossings (entries and exits together), entries, exits and net flow by day as lines over the
 * forecast band of crossings (the expected count dashed, the band from low to high shaded). Each day is a column that names its figures and, with an
 * address, leads to that day's hours. The time axis runs right to left in Arabic and Kurdish.
 */
public final class TimeSeriesChart {

    static final int WIDTH = 960;
    static final int HEIGHT = 340;
    static final String TOTAL = "#1b2733";
    static final String ENTRIES = "#1f6fb2";
    static final String EXITS = "#c0601a";
    static final String NET = "#2e7d32";
    static final String BAND = "#8fb3d9";
    static final String EXPECTED = "#4a5866";

    /**
     * One day.
     *
     * @param entries  null when not counted (a day still to come, or a suppressed cell)
     * @param expected the forecast, null where there is none; {@code low} and {@code high} likewise
     * @param href     where a click on the day leads, or null
     */
    public record Day(LocalDate day, Long entries, Long exits, Long expected, Long low, Long high,
                      List<String> events, String href) {
        public Day {
            Objects.requireNonNull(day, "day");
            events = events == null ? List.of() : List.copyOf(events);
        }

        Long net() {
            return entries == null || exits == null ? null : entries - exits;
        }

        /** Entries and exits together: what the forecast band is for. */
        Long total() {
            return entries == null || exits == null ? null : entries + exits;
        }
    }

    /** The chart's words in the user's language. */
    public record Words(String label, String total, String entries, String exits, String net, String expected, String band,
                        String noData) {
    }

    private TimeSeriesChart() {
    }

    public static String render(List<Day> days, Words words, ChartLanguage language) {
        Svg svg = new Svg(WIDTH, HEIGHT, "series", words.label());
        if (days.isEmpty()) {
            return svg.text(WIDTH / 2.0, HEIGHT / 2.0, "middle", "empty", words.noData()).end();
        }
        boolean rtl = language.rightToLeft();
        double left = rtl ? 16 : 70;
        double right = rtl ? WIDTH - 70 : WIDTH - 16;
        double top = 14;
        double bottom = HEIGHT - 62;
        long max = 0;
        long min = 0;
        for (Day d : days) {
            max = Math.max(max, Math.max(orZero(d.total()), Math.max(orZero(d.entries()), Math.max(orZero(d.exits()), orZero(d.high())))));
            max = Math.max(max, orZero(d.expected()));
            if (d.net() != null) {
                min = Math.min(min, d.net());
                max = Math.max(max, d.net());
            }
        }
        long step = Svg.step(Math.max(1, max - min), 5);
        long ceiling = Math.max(step, (long) Math.ceil((double) max / step) * step);
        long floor = min < 0 ? -(long) Math.ceil((double) -min / step) * step : 0;
        double column = (right - left) / days.size();
        Axis axis = new Axis(left, right, top, bottom, floor, ceiling, column, rtl);

        for (long v = floor; v <= ceiling; v += step) {
            double y = axis.y(v);
            svg.line(left, y, right, y, v == 0 ? "zero" : "grid", v == 0 ? "#7d8b99" : "#e3e8ee");
            svg.text(rtl ? right + 8 : left - 8, y + 4, rtl ? "start" : "end", "tick", language.number(v));
        }
        band(svg, days, axis);
        polyline(svg, days, axis, Day::expected, EXPECTED, "expected", "5 4");
        polyline(svg, days, axis, Day::total, TOTAL, "total", null);
        polyline(svg, days, axis, Day::entries, ENTRIES, "entries", null);
        polyline(svg, days, axis, Day::exits, EXITS, "exits", null);
        polyline(svg, days, axis, Day::net, NET, "net", null);

        int every = Math.max(1, (int) Math.ceil(days.size() / 8.0));
        for (int i = 0; i < days.size(); i += every) {
            double x = axis.x(i);
            svg.line(x, bottom, x, bottom + 4, "tick", "#7d8b99");
            svg.text(x, bottom + 18, "middle", "tick", language.day(days.get(i).day()));
        }
        for (int i = 0; i < days.size(); i++) {
            Day d = days.get(i);
            double x = axis.x(i) - column / 2;
            svg.openLink(d.href());
            svg.raw("<rect class=\"day\" x=\"" + Svg.n(x) + "\" y=\"" + Svg.n(top) + "\" width=\"" + Svg.n(column)
                    + "\" height=\"" + Svg.n(bottom - top) + "\" fill=\"#1f6fb2\" fill-opacity=\"0\""
                    + " data-day=\"" + d.day() + "\"><title>" + Svg.escape(tooltip(d, words, language)) + "</title></rect>");
            svg.closeLink(d.href());
        }
        legend(svg, words, rtl, days.stream().anyMatch(d -> d.high() != null));
        return svg.end();
    }

    private record Axis(double left, double right, double top, double bottom, long floor, long ceiling,
                        double column, boolean rtl) {
        double x(int index) {
            return rtl ? right - (index + 0.5) * column : left + (index + 0.5) * column;
        }

        double y(double value) {
            return bottom - (value - floor) / (double) (ceiling - floor) * (bottom - top);
        }
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static void band(Svg svg, List<Day> days, Axis axis) {
        List<Integer> run = new ArrayList<>();
        for (int i = 0; i <= days.size(); i++) {
            if (i < days.size() && days.get(i).low() != null && days.get(i).high() != null) {
                run.add(i);
                continue;
            }
            if (!run.isEmpty()) {
                StringBuilder points = new StringBuilder();
                for (int j : run) {
                    points.append(Svg.n(axis.x(j))).append(',').append(Svg.n(axis.y(days.get(j).high()))).append(' ');
                }
                for (int k = run.size() - 1; k >= 0; k--) {
                    int j = run.get(k);
                    points.append(Svg.n(axis.x(j))).append(',').append(Svg.n(axis.y(days.get(j).low()))).append(' ');
                }
                svg.raw("<polygon class=\"band\" points=\"" + points.toString().strip() + "\" fill=\"" + BAND
                        + "\" fill-opacity=\"0.35\" stroke=\"none\"/>");
                run.clear();
            }
        }
    }

    private static void polyline(Svg svg, List<Day> days, Axis axis, java.util.function.Function<Day, Long> value,
                                 String colour, String cssClass, String dashes) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i <= days.size(); i++) {
            Long v = i < days.size() ? value.apply(days.get(i)) : null;
            if (v != null) {
                points.append(Svg.n(axis.x(i))).append(',').append(Svg.n(axis.y(v))).append(' ');
                continue;
            }
            if (!points.isEmpty()) {
                svg.raw("<polyline class=\"" + cssClass + "\" points=\"" + points.toString().strip() + "\" fill=\"none\" stroke=\""
                        + colour + "\" stroke-width=\"2\"" + (dashes == null ? "" : " stroke-dasharray=\"" + dashes + "\"")
                        + " stroke-linejoin=\"round\"/>");
                points.setLength(0);
            }
        }
    }

    private static String tooltip(Day d, Words words, ChartLanguage language) {
        StringBuilder text = new StringBuilder(language.fullDay(d.day()));
        if (d.total() != null) {
            text.append(" · ").append(words.total()).append(' ').append(language.number(d.total()));
        }
        if (d.entries() != null) {
            text.append(" · ").append(words.entries()).append(' ').append(language.number(d.entries()));
        }
        if (d.exits() != null) {
            text.append(" · ").append(words.exits()).append(' ').append(language.number(d.exits()));
        }
        if (d.net() != null) {
            text.append(" · ").append(words.net()).append(' ').append(language.number(d.net()));
        }
        if (d.expected() != null) {
            text.append(" · ").append(words.expected()).append(' ').append(language.number(d.expected()));
            if (d.low() != null && d.high() != null) {
                text.append(" (").append(language.number(d.low())).append('–').append(language.number(d.high())).append(')');
            }
        }
        if (!d.events().isEmpty()) {
            text.append(" · ").append(String.join(", ", d.events()));
        }
        return text.toString();
    }

    private static void legend(Svg svg, Words words, boolean rtl, boolean withBand) {
        List<String[]> items = new ArrayList<>();
        items.add(new String[]{words.total(), TOTAL, "line"});
        items.add(new String[]{words.entries(), ENTRIES, "line"});
        items.add(new String[]{words.exits(), EXITS, "line"});
        items.add(new String[]{words.net(), NET, "line"});
        if (withBand) {
            items.add(new String[]{words.expected(), EXPECTED, "dash"});
            items.add(new String[]{words.band(), BAND, "area"});
        }
        double y = HEIGHT - 18;
        double x = rtl ? WIDTH - 70 : 70;
        for (String[] item : items) {
            double swatchStart = rtl ? x - 22 : x;
            switch (item[2]) {
                case "area" -> svg.raw("<rect x=\"" + Svg.n(swatchStart) + "\" y=\"" + Svg.n(y - 9) + "\" width=\"22\" height=\"10\" fill=\""
                        + item[1] + "\" fill-opacity=\"0.35\"/>");
                case "dash" -> svg.raw("<line x1=\"" + Svg.n(swatchStart) + "\" y1=\"" + Svg.n(y - 4) + "\" x2=\"" + Svg.n(swatchStart + 22)
                        + "\" y2=\"" + Svg.n(y - 4) + "\" stroke=\"" + item[1] + "\" stroke-width=\"2\" stroke-dasharray=\"5 4\"/>");
                default -> svg.raw("<line x1=\"" + Svg.n(swatchStart) + "\" y1=\"" + Svg.n(y - 4) + "\" x2=\"" + Svg.n(swatchStart + 22)
                        + "\" y2=\"" + Svg.n(y - 4) + "\" stroke=\"" + item[1] + "\" stroke-width=\"3\"/>");
            }
            double textX = rtl ? swatchStart - 6 : swatchStart + 28;
            svg.text(textX, y, rtl ? "end" : "start", "legend", item[0]);
            double advance = 28 + 7.5 * item[0].length() + 24;
            x = rtl ? x - advance : x + advance;
        }
    }

}
