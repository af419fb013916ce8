package org.manfadh.statistics.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.manfadh.statistics.web.charts.MapChart;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Iraq's outline and governorates as shipped in {@code static/statistics/iraq-governorates.geojson}
 * (Natural Earth, public domain), read once at start and kept as rings of longitude and latitude.
 */
@Component
class DashboardMap {

    static final String RESOURCE = "/static/statistics/iraq-governorates.geojson";

    /** A feature of the file: {@code IQ} for the country, otherwise a governorate's code. */
    record Shape(String code, List<List<double[]>> rings) {
    }

    private final List<Shape> shapes;

    DashboardMap() {
        this.shapes = read();
    }

    List<Shape> shapes() {
        return shapes;
    }

    /** The areas to draw, each governorate leading to its dashboard where {@code href} names one. */
    List<MapChart.Area> areas(java.util.function.Function<String, String> label,
                              java.util.function.Function<String, String> href, String highlighted) {
        List<MapChart.Area> areas = new ArrayList<>();
        for (Shape shape : shapes) {
            boolean outline = shape.code().equals("IQ");
            areas.add(new MapChart.Area(shape.code(), outline ? "" : label.apply(shape.code()), shape.rings(),
                    outline ? null : href.apply(shape.code()), outline, shape.code().equals(highlighted)));
        }
        return areas;
    }

    private static List<Shape> read() {
        try (InputStream in = DashboardMap.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The map of Iraq is missing from the build: " + RESOURCE);
            }
            JsonNode root = JsonMapper.builder().build().readTree(in);
            List<Shape> shapes = new ArrayList<>();
            for (JsonNode feature : root.get("features")) {
                String code = feature.get("properties").get("code").asString();
                JsonNode geometry = feature.get("geometry");
                List<List<double[]>> rings = new ArrayList<>();
                if (geometry.get("type").asString().equals("MultiPolygon")) {
                    for (JsonNode polygon : geometry.get("coordinates")) {
                        addRings(polygon, rings);
                    }
                } else {
                    addRings(geometry.get("coordinates"), rings);
                }
                shapes.add(new Shape(code, List.copyOf(rings)));
            }
            return List.copyOf(shapes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addRings(JsonNode polygon, List<List<double[]>> rings) {
        for (JsonNode ring : polygon) {
            List<double[]> points = new ArrayList<>(ring.size());
            for (JsonNode point : ring) {
                points.add(new double[]{point.get(0).asDouble(), point.get(1).asDouble()});
            }
            rings.add(List.copyOf(points));
        }
    }
}
