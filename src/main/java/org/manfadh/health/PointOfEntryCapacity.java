package org.manfadh.health;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;

/**
 * IHR (2005) Annex 1B core-capacity self-assessments of designated points of entry: the checklist (after WHO's
 * assessment tool for designated airports, ports and ground crossings), the assessments health officers record
 * against it, and their scores over time. An answer YES counts 1, PARTIAL 0.5, NO 0, each times its item's weight;
 * NOT_APPLICABLE leaves the item out. A score is the percentage of what could be counted, overall and per area, and
 * absent where every item of it is not applicable.
 *
 * <p>Recording and reading are confined to the caller's own jurisdiction: a border point outside it is refused
 * (403) when recording and is as if it did not exist (404) when reading. Mistakes are
 * {@link org.manfadh.platform.Rejection}s naming the field and the item.
 */
public interface PointOfEntryCapacity {

    /** The checklist's parts: Annex 1B.1 (at all times), 1B.2 (for public health emergencies), and coordination. */
    enum Area {
        ROUTINE, EMERGENCY, COORDINATION
    }

    enum Answer {
        YES, PARTIAL, NO, NOT_APPLICABLE;

        /** What the answer counts of its item's weight; empty for an item left out. */
        public Optional<Double> credit() {
            return switch (this) {
                case YES -> Optional.of(1.0);
                case PARTIAL -> Optional.of(0.5);
                case NO -> Optional.of(0.0);
                case NOT_APPLICABLE -> Optional.empty();
            };
        }
    }

    /** An item of the checklist: what is checked, under which capacity of the Annex, in three languages. */
    record Item(String code, Area area, String capacity, int weight, String textEn, String textAr, String textCkb) {

        /** The item's text in a language ({@code en}, {@code ar}, {@code ckb}); English for any other. */
        public String text(String language) {
            return switch (language) {
                case "ar" -> textAr;
                case "ckb" -> textCkb;
                default -> textEn;
            };
        }
    }

    /** The checklist in force, with its version (the first 12 hex digits of its SHA-256). */
    record Checklist(String version, List<Item> items) {
    }

    /** {@code {"borderPoint", "assessedOn", "answers": [{"item", "answer", "note"?}], "notes"?}}. */
    record RecordAssessment(String borderPoint, LocalDate assessedOn, List<GivenAnswer> answers, String notes) {
    }

    record GivenAnswer(String item, String answer, String note) {
    }

    /** Percentages from 0 to 100 with one decimal; null where nothing could be counted. */
    record Score(Double overall, Map<Area, Double> areas) {
    }

    record RecordedAnswer(String item, Area area, int weight, Answer answer, String note) {
    }

    record Assessment(UUID id, String borderPoint, LocalDate assessedOn, String assessedBy, String checklistVersion,
                      String notes, Instant createdAt, Score score, List<RecordedAnswer> answers) {
    }

    /** A border point's latest assessment and the one before it, for the overview and the dashboards. */
    record Standing(String borderPoint, Assessment latest, Assessment previous) {

        /** The change of the overall score since the assessment before; null without two scores. */
        public Double trend() {
            if (latest == null || previous == null || latest.score().overall() == null
                    || previous.score().overall() == null) {
                return null;
            }
            return Math.round((latest.score().overall() - previous.score().overall()) * 10) / 10.0;
        }
    }

    Checklist checklist();

    /** Records an assessment at a border point of the caller's jurisdiction; every item answered once. */
    Assessment record(RecordAssessment request, String username);

    /** Assessments newest first (by day assessed, then recorded), of one border point or of all in the caller's sight. */
    Page<Assessment> history(String borderPoint, PageRequest page, String username);

    Assessment assessment(UUID id, String username);

    /** Every border point in the caller's jurisdiction with its latest assessment and the one before, if any. */
    List<Standing> standings(String username);

    /**
     * A border point's standing without regard to who asks, for a screen that has already decided the caller may see
     * the point (the statistics dashboard of a border point). A score names no person.
     */
    Standing standing(String borderPoint);
}
