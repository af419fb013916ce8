package org.manfadh.health.internal;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

import org.manfadh.health.PointOfEntryCapacity.Area;
import org.manfadh.health.PointOfEntryCapacity.RecordedAnswer;
import org.manfadh.health.PointOfEntryCapacity.Score;

/**
 * Scores a self-assessment: each answer's credit (YES 1, PARTIAL 0.5, NO 0) times its item's weight, over the
 * weights of the items that apply, as a percentage with one decimal, overall and per area. An item not applicable
 * counts on neither side; an area, or a whole assessment, of which nothing applies has no score rather than 0 or 100.
 */
final class CapacityScores {

    private CapacityScores() {
    }

    static Score of(Collection<RecordedAnswer> answers) {
        double credited = 0;
        double possible = 0;
        Map<Area, double[]> byArea = new EnumMap<>(Area.class);
        for (RecordedAnswer a : answers) {
            var credit = a.answer().credit();
            if (credit.isEmpty()) {
                continue;
            }
            credited += credit.get() * a.weight();
            possible += a.weight();
            double[] sums = byArea.computeIfAbsent(a.area(), k -> new double[2]);
            sums[0] += credit.get() * a.weight();
            sums[1] += a.weight();
        }
        Map<Area, Double> areas = new EnumMap<>(Area.class);
        for (Area area : Area.values()) {
            double[] sums = byArea.get(area);
            areas.put(area, sums == null ? null : percent(sums[0], sums[1]));
        }
        return new Score(possible == 0 ? null : percent(credited, possible), java.util.Collections.unmodifiableMap(areas));
    }

    private static double percent(double credited, double possible) {
        return Math.round(credited / possible * 1000) / 10.0;
    }
}
