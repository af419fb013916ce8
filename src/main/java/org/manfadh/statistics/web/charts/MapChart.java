package org.manfadh.statistics.web.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Iraq's governorates and its border points as circles whose area is proportional to their flow,
 * projected here (equirectangular, the longitude scaled by the cosine of the map's middle latitude,
 * which is close enough over Iraq's ten degrees). A map keeps north up and east to the right in
 * every language; only its words change.
 */
public final class MapChart {

    static final int WIDTH = 600;
    static final double MAX_RADIUS = 26;
    static final double MIN_RADIUS = 3;

    /**
     * An area of the map (the country's outline or a governorate): rings of [longitude, latitude].
     *
     * @param outline   drawn as the country's border, not as a governorate
     * @param highlight the governorate the dashboard is about
     */
    public record Area(String code, String label, List<List<double[]>> rings, String href, boolean outline,
                       boolean highlight) {
        public Area {
            Objects.requireNonNull(code, "code");
            rings = List.copyOf(rings);
        }
    }

    /** A border point: {@code flow} null when suppressed or not known (drawn as the smallest circle). */
    public record Marker(String code, String label, double longitude, double latitude, Long flow, String href,
                         boolean highlight) {
    }

    public record Words(String label, String suppressed) {
    }

    private MapChart() {
    }

    public static String render(List<Area> areas, List<Marker> markers, Words words, ChartLanguage language) {
        double minLon = Double.MAX_VALUE;
        double maxLon = -Double.MAX_VALUE;
        double minLat = Double.MAX_VALUE;
        double maxLat = -Double.MAX_VALUE;
        for (Area area : areas) {
            for (List<double[]> ring : area.rings()) {
                for (double[] p : ring) {
                    minLon = Math.min(minLon, p[0]);
                    maxLon = Math.max(maxLon, p[0]);
                    minLat = Math.min(minLat, p[1]);
                    maxLat = Math.max(maxLat, p[1]);
                }
            }
        }
        for (Marker m : markers) {
            minLon = Math.min(minLon, m.longitude());
            maxLon = Math.max(maxLon, m.longitude());
            minLat = Math.min(minLat, m.latitude());
            maxLat = Math.max(maxLat, m.latitude());
        }
        if (minLon > maxLon) {
            minLon = 38.8;
            maxLon = 48.6;
            minLat = 29.0;
            maxLat = 37.4;
        }
        double pad = 0.3;
        minLon -= pad;
        maxLon += pad;
        minLat -= pad;
        maxLat += pad;
        Projection projection = new Projection(minLon, maxLat, WIDTH / ((maxLon - minLon) * Math.cos(Math.toRadians((minLat + maxLat) / 2))),
                Math.cos(Math.toRadians((minLat + maxLat) / 2)));
        int height = (int) Math.ceil((maxLat - minLat) * projection.scale());
        Svg svg = new Svg(WIDTH, height, "map", words.label());
        for (Area area : areas.stream().filter(a -> !a.outline()).toList()) {
            svg.openLink(area.href());
            svg.raw("<path class=\"governorate" + (area.highlight() ? " highlight" : "") + "\" data-code=\"" + Svg.escape(area.code())
                    + "\" d=\"" + path(area, projection) + "\" fill=\"" + (area.highlight() ? "#dbe8f5" : "#f1f4f7")
                    + "\" stroke=\"#9aa8b6\" stroke-width=\"0.8\" fill-rule=\"evenodd\"><title>" + Svg.escape(area.label())
                    + "</title></path>");
            svg.closeLink(area.href());
        }
        for (Area area : areas.stream().filter(Area::outline).toList()) {
            svg.raw("<path class=\"outline\" d=\"" + path(area, projection) + "\" fill=\"none\" stroke=\"#33414e\" stroke-width=\"1.6\"/>");
        }
        long max = markers.stream().mapToLong(m -> m.flow() == null ? 0 : m.flow()).max().orElse(0);
        List<Marker> largestFirst = new ArrayList<>(markers);
        largestFirst.sort(Comparator.comparingLong((Marker m) -> m.flow() == null ? 0 : m.flow()).reversed());
        for (Marker m : largestFirst) {
            double r = radius(m.flow(), max);
            String figure = m.flow() == null ? words.suppressed() : language.number(m.flow());
            svg.openLink(m.href());
            svg.raw("<circle class=\"point" + (m.highlight() ? " highlight" : "") + "\" data-code=\"" + Svg.escape(m.code())
                    + "\" cx=\"" + Svg.n(projection.x(m.longitude())) + "\" cy=\"" + Svg.n(projection.y(m.latitude()))
                    + "\" r=\"" + Svg.n(r) + "\" fill=\"" + (m.highlight() ? "#c0601a" : "#1f6fb2")
                    + "\" fill-opacity=\"0.6\" stroke=\"#ffffff\" stroke-width=\"1\"><title>" + Svg.escape(m.label() + ": " + figure)
                    + "</title></circle>");
            svg.closeLink(m.href());
        }
        return svg.end();
    }

    /** A circle's radius: its area proportional to the flow, never smaller than can be seen and clicked. */
    static double radius(Long flow, long max) {
        if (flow == null || flow <= 0 || max <= 0) {
            return MIN_RADIUS;
        }
        return Math.max(MIN_RADIUS, MAX_RADIUS * Math.sqrt((double) flow / max));
    }

    record Projection(double west, double north, double scale, double shrink) {
        double x(double longitude) {
            return (longitude - west) * shrink * scale;
        }

        double y(double latitude) {
            return (north - latitude) * scale;
        }
    }

    private static String path(Area area, Projection projection) {
        StringBuilder d = new StringBuilder();
        for (List<double[]> ring : area.rings()) {
            for (int i = 0; i < ring.size(); i++) {
                double[] p = ring.get(i);
                d.append(i == 0 ? 'M' : 'L').append(Svg.n(projection.x(p[0]))).append(' ').append(Svg.n(projection.y(p[1])));
            }
            d.append('Z');
        }
        return d.toString();
    }
}
