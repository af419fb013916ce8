package org.manfadh.statistics.web.charts;

import java.util.Locale;

/** Writes SVG text: escaped words, coordinates with a dot and at most one decimal. */
final class Svg {

    private final StringBuilder out = new StringBuilder(4096);

    /** Opens the root element: an image for assistive technology, named by its label and its title. */
    Svg(int width, int height, String cssClass, String label) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart ").append(escape(cssClass))
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(escape(label))
                .append("\" direction=\"ltr\" font-family=\"Vazirmatn, 'Noto Sans', sans-serif\" font-size=\"12\">")
                .append("<title>").append(escape(label)).append("</title>");
    }

    Svg raw(String text) {
        out.append(text);
        return this;
    }

    Svg text(double x, double y, String anchor, String cssClass, String words) {
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"").append(anchor)
                .append("\" class=\"").append(cssClass).append("\" fill=\"#33414e\">").append(escape(words)).append("</text>");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String cssClass, String stroke) {
        out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" class=\"").append(cssClass).append("\" stroke=\"")
                .append(stroke).append("\"/>");
        return this;
    }

    /** A link around what follows until {@link #closeLink()}, or nothing without an address. */
    Svg openLink(String href) {
        if (href != null) {
            out.append("<a href=\"").append(escape(href)).append("\">");
        }
        return this;
    }

    Svg closeLink(String href) {
        if (href != null) {
            out.append("</a>");
        }
        return this;
    }

    String end() {
        return out.append("</svg>").toString();
    }

    static String n(double value) {
        if (Math.abs(value - Math.rint(value)) < 0.05) {
            return Long.toString(Math.round(value));
        }
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Round steps for an axis from zero to at least {@code max}: 1, 2 or 5 times a power of ten. */
    static long step(long max, int ticks) {
        if (max <= ticks) {
            return 1;
        }
        double raw = (double) max / ticks;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return Math.max(1, Math.round(nice * power));
    }
}
