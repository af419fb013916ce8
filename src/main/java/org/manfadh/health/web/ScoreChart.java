package org.manfadh.health.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.DateTimePatternGenerator;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/**
 * A border point's core-capacity scores over time as a small line: 0 to 100 percent up the side, each assessment a
 * point placed by its day and labelled with its score. Time runs right to left in Arabic and Kurdish, with
 * Arabic-Indic digits, as the statistics charts do.
 */
final class ScoreChart {

    static final int WIDTH = 640;
    static final int HEIGHT = 220;

    /** One assessment's overall score (null where nothing of it applied: no point is drawn). */
    record Point(LocalDate day, Double score) {
    }

    private ScoreChart() {
    }

    static String render(List<Point> points, String language, String label, String noData) {
        boolean rtl = language.equals("ar") || language.equals("ckb");
        ULocale locale = switch (language) {
            case "ar" -> new ULocale("ar_IQ");
            case "ckb" -> new ULocale("ckb_IQ");
            default -> new ULocale("en_GB");
        };
        StringBuilder svg = new StringBuilder(2048);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart capacity-scores\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\" aria-label=\"").append(escape(label))
                .append("\" direction=\"ltr\" font-family=\"Vazirmatn, 'Noto Sans', sans-serif\" font-size=\"12\">")
                .append("<title>").append(escape(label)).append("</title>");
        List<Point> scored = points.stream().filter(p -> p.score() != null).toList();
        if (scored.isEmpty()) {
            text(svg, WIDTH / 2.0, HEIGHT / 2.0, "middle", "empty", noData);
            return svg.append("</svg>").toString();
        }
        double left = rtl ? 20 : 52;
        double right = rtl ? WIDTH - 52 : WIDTH - 20;
        double top = 22;
        double bottom = HEIGHT - 36;
        NumberFormat percent = NumberFormat.getPercentInstance(locale);
        for (int p = 0; p <= 100; p += 25) {
            double y = bottom - (bottom - top) * p / 100.0;
            svg.append("<line x1=\"").append(n(left)).append("\" y1=\"").append(n(y)).append("\" x2=\"").append(n(right))
                    .append("\" y2=\"").append(n(y)).append("\" class=\"grid\" stroke=\"#d5dbe1\"/>");
            text(svg, rtl ? right + 6 : left - 6, y + 4, rtl ? "start" : "end", "tick", percent.format(p / 100.0));
        }
        LocalDate first = scored.getFirst().day();
        LocalDate last = scored.getLast().day();
        long span = Math.max(1, ChronoUnit.DAYS.between(first, last));
        StringBuilder path = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < scored.size(); i++) {
            Point point = scored.get(i);
            double share = scored.size() == 1 ? 0.5 : (double) ChronoUnit.DAYS.between(first, point.day()) / span;
            // Points kept clear of the ends of the axis, so that their labels do not run into the ticks.
            double inner = 28;
            double x = rtl ? right - inner - share * (right - left - 2 * inner)
                    : left + inner + share * (right - left - 2 * inner);
            double y = bottom - (bottom - top) * point.score() / 100.0;
            path.append(i == 0 ? "M" : " L").append(n(x)).append(' ').append(n(y));
            String words = day(locale, point.day()) + ": " + percent.format(point.score() / 100.0);
            marks.append("<circle cx=\"").append(n(x)).append("\" cy=\"").append(n(y))
                    .append("\" r=\"4\" class=\"score\" fill=\"#1f6fb2\"><title>").append(escape(words))
                    .append("</title></circle>");
            marks.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(Math.max(top + 4, y - 10)))
                    .append("\" text-anchor=\"middle\" class=\"value\" fill=\"#1b2733\" font-weight=\"600\"")
                    .append(" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">")
                    .append(escape(percent.format(point.score() / 100.0))).append("</text>");
            if (i == 0 || i == scored.size() - 1) {
                text(marks, x, bottom + 18, "middle", "day", day(locale, point.day()));
            }
        }
        svg.append("<path d=\"").append(path).append("\" class=\"line\" fill=\"none\" stroke=\"#1f6fb2\" stroke-width=\"2\"/>");
        svg.append(marks);
        return svg.append("</svg>").toString();
    }

    private static void text(StringBuilder out, double x, double y, String anchor, String cssClass, String words) {
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"").append(anchor)
                .append("\" class=\"").append(cssClass).append("\" fill=\"#33414e\">").append(escape(words)).append("</text>");
    }

    private static String day(ULocale locale, LocalDate day) {
        DateFormat format = new SimpleDateFormat(DateTimePatternGenerator.getInstance(locale).getBestPattern("dMMMy"), locale);
        format.setTimeZone(TimeZone.GMT_ZONE);
        return format.format(Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
