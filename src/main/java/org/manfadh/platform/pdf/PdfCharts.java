package org.manfadh.platform.pdf;

import java.awt.Color;
import java.util.List;
import java.util.function.LongFunction;

import org.manfadh.platform.pdf.PdfCanvas.Align;
import org.manfadh.platform.pdf.PdfCanvas.Weight;

/**
 * Charts drawn with the PDF's own lines and rectangles, as sharp in print as the text beside them.
 * They follow the page's direction: in Arabic and Kurdish a time axis runs from the right, and
 * bars grow from the right, where their labels are read first.
 */
public final class PdfCharts {

    public static final Color ENTRIES = new Color(0x1f, 0x6f, 0xb2);
    public static final Color EXITS = new Color(0xd9, 0x7b, 0x29);

    /** A named series of values, one a point on the axis. */
    public record Series(String name, Color color, long[] values) {
    }

    /** A bar's label and its value. */
    public record Bar(String label, long value) {
    }

    private PdfCharts() {
    }

    /**
     * Series over the same points (the days of a month), on a shared scale from zero.
     *
     * @param axisLabels a label under each point, or null for none under it
     * @param numbers    how the scale's numbers are written in the report's language
     */
    public static void lines(PdfCanvas canvas, float height, List<String> axisLabels, List<Series> series,
                      LongFunction<String> numbers) {
        float legend = 16;
        float axis = 14;
        canvas.ensure(height + legend + axis);
        float top = canvas.y() - legend;
        float bottom = top - height;
        float scaleWidth = 44;
        float plotStart = scaleWidth;
        float plotWidth = PdfCanvas.WIDTH - scaleWidth - 6;

        float at = 0;
        for (Series s : series) {
            canvas.box(at, canvas.y() - 10, 10, 6, s.color());
            canvas.text(s.name(), at + 14, canvas.y() - 11, 160, Align.START, Weight.REGULAR, 8, PdfCanvas.INK);
            at += 20 + canvas.width(s.name(), Weight.REGULAR, 8);
        }

        long max = 1;
        for (Series s : series) {
            for (long v : s.values()) {
                max = Math.max(max, v);
            }
        }
        long step = niceStep(max / 4.0);
        long ceiling = ((max + step - 1) / step) * step;
        for (long tick = 0; tick <= ceiling; tick += step) {
            float y = bottom + height * tick / ceiling;
            canvas.rule(plotStart, y, plotStart + plotWidth, y, tick == 0 ? PdfCanvas.MUTED : PdfCanvas.RULE, 0.4f);
            canvas.text(numbers.apply(tick), 0, y - 3, scaleWidth - 6, Align.END, Weight.REGULAR, 7, PdfCanvas.MUTED);
        }

        int points = axisLabels.size();
        float stride = points > 1 ? plotWidth / (points - 1) : 0;
        for (int i = 0; i < points; i++) {
            String label = axisLabels.get(i);
            if (label != null) {
                float x = plotStart + i * stride;
                canvas.rule(x, bottom, x, bottom - 3, PdfCanvas.MUTED, 0.4f);
                canvas.text(label, x - 20, bottom - 12, 40, Align.CENTER, Weight.REGULAR, 7, PdfCanvas.MUTED);
            }
        }
        for (Series s : series) {
            int n = Math.min(points, s.values().length);
            float[] xs = new float[n];
            float[] ys = new float[n];
            for (int i = 0; i < n; i++) {
                xs[i] = plotStart + i * stride;
                ys[i] = bottom + height * s.values()[i] / ceiling;
            }
            canvas.polyline(xs, ys, s.color(), 1.4f);
        }
        canvas.down(legend + height + axis + 8);
    }

    /** Horizontal bars, the largest as long as the space allows, each with its label and value. */
    public static void bars(PdfCanvas canvas, List<Bar> bars, Color color, LongFunction<String> numbers) {
        float row = 15;
        float labelWidth = 130;
        float valueWidth = 60;
        float barSpace = PdfCanvas.WIDTH - labelWidth - valueWidth - 8;
        long max = bars.stream().mapToLong(Bar::value).max().orElse(1);
        for (Bar bar : bars) {
            canvas.ensure(row);
            canvas.down(row);
            float y = canvas.y();
            canvas.text(bar.label(), 0, y + 4, labelWidth - 6, Align.START, Weight.REGULAR, 8.5f, PdfCanvas.INK);
            float length = max == 0 ? 0 : barSpace * bar.value() / max;
            canvas.box(labelWidth, y + 2, Math.max(length, 0.5f), row - 5, color);
            canvas.text(numbers.apply(bar.value()), labelWidth + length + 4, y + 4, valueWidth, Align.START,
                    Weight.REGULAR, 8, PdfCanvas.INK);
        }
        canvas.down(8);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
    public static long niceStep(double rough) {
        long power = 1;
        while (power * 10 <= rough) {
            power *= 10;
        }
        for (long factor : new long[] {1, 2, 5, 10}) {
            if (power * factor >= rough) {
                return power * factor;
            }
        }
        return power * 10;
    }
}
