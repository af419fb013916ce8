package org.manfadh.health.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.manfadh.access.Accounts;
import org.manfadh.access.ReadScope;
import org.manfadh.health.PointOfEntryCapacity;
import org.manfadh.platform.Ids;
import org.manfadh.platform.NodeIdentity;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;
import org.manfadh.platform.Rejection;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Core-capacity self-assessments kept in {@code health.capacity_assessment} and {@code health.capacity_answer}:
 * checked whole before anything is written (every item of the checklist answered once, nothing else), written in
 * one transaction, never changed. Where a caller may work is their own jurisdiction, and at a post its border point
 * only, as for crossings.
 */
@Service
class CapacityAssessments implements PointOfEntryCapacity {

    static final int MAX_NOTES = 4000;
    static final int MAX_NOTE = 1000;

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final ReferenceData reference;
    private final NodeIdentity node;
    private final Clock clock;
    private final Checklist checklist;
    private final Map<String, Item> items;

    CapacityAssessments(JdbcClient jdbc, Accounts accounts, ReferenceData reference, NodeIdentity node,
                        Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.reference = reference;
        this.node = node;
        this.clock = clock;
        this.checklist = CapacityChecklist.load();
        this.items = checklist.items().stream().collect(Collectors.toMap(Item::code, Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
    }

    @Override
    public Checklist checklist() {
        return checklist;
    }

    @Override
    @Transactional
    public Assessment record(RecordAssessment request, String username) {
        if (request == null) {
            throw Rejection.invalid("invalid-body", "The request needs a JSON body with borderPoint, assessedOn and answers.");
        }
        List<Rejection.Field> problems = new ArrayList<>();
        String point = request.borderPoint() == null ? null : request.borderPoint().strip().toUpperCase(Locale.ROOT);
        if (point == null || point.isEmpty()) {
            problems.add(new Rejection.Field("borderPoint", "is required: the three-letter code of the border point."));
        } else if (reference.borderPoint(point).isEmpty()) {
            problems.add(new Rejection.Field("borderPoint", "'" + request.borderPoint() + "' is not a border point."));
        }
        LocalDate today = LocalDate.now(clock);
        if (request.assessedOn() == null) {
            problems.add(new Rejection.Field("assessedOn", "is required: the day of the assessment, YYYY-MM-DD."));
        } else if (request.assessedOn().isAfter(today)) {
            problems.add(new Rejection.Field("assessedOn", "must not be after today (" + today + ")."));
        } else if (request.assessedOn().isBefore(LocalDate.of(2007, 6, 15))) {
            problems.add(new Rejection.Field("assessedOn", "must not be before the IHR (2005) entered into force (2007-06-15)."));
        }
        if (request.notes() != null && request.notes().length() > MAX_NOTES) {
            problems.add(new Rejection.Field("notes", "may be " + MAX_NOTES + " characters at most."));
        }
        List<RecordedAnswer> answers = new ArrayList<>();
        if (request.answers() == null || request.answers().isEmpty()) {
            problems.add(new Rejection.Field("answers", "must answer every item of the checklist (GET /api/v1/health/capacity/checklist)."));
        } else {
            Set<String> answered = new HashSet<>();
            for (int i = 0; i < request.answers().size(); i++) {
                GivenAnswer given = request.answers().get(i);
                String at = "answers[" + i + "]";
                if (given == null) {
                    problems.add(new Rejection.Field(at, "is empty."));
                    continue;
                }
                String code = given.item() == null ? "" : given.item().strip().toUpperCase(Locale.ROOT);
                Item item = items.get(code);
                if (item == null) {
                    problems.add(new Rejection.Field(at + ".item", code.isEmpty() ? "is required."
                            : "'" + given.item() + "' is not an item of the checklist."));
                } else if (!answered.add(code)) {
                    problems.add(new Rejection.Field(at + ".item", "'" + code + "' is answered more than once."));
                }
                Answer answer = answer(given.answer());
                if (answer == null) {
                    problems.add(new Rejection.Field(at + ".answer", given.answer() == null || given.answer().isBlank()
                            ? "is required: YES, PARTIAL, NO or NOT_APPLICABLE."
                            : "'" + given.answer() + "' is not an answer: YES, PARTIAL, NO or NOT_APPLICABLE."));
                }
                String note = given.note() == null || given.note().isBlank() ? null : given.note().strip();
                if (note != null && note.length() > MAX_NOTE) {
                    problems.add(new Rejection.Field(at + ".note", "may be " + MAX_NOTE + " characters at most."));
                }
                if (item != null && answer != null) {
                    answers.add(new RecordedAnswer(code, item.area(), item.weight(), answer, note));
                }
            }
            List<String> missing = items.keySet().stream().filter(c -> !answered.contains(c)).toList();
            if (!missing.isEmpty()) {
                problems.add(new Rejection.Field("answers", "every item is answered; not answered: "
                        + String.join(", ", missing) + "."));
            }
        }
        if (!problems.isEmpty()) {
            throw Rejection.invalidFields(problems);
        }
        if (!accounts.workScope(username).allows(point)) {
            throw Rejection.forbidden("Border point " + point + " is outside your jurisdiction.");
        }
        UUID id = Ids.newId();
        Instant now = clock.instant();
        String notes = request.notes() == null || request.notes().isBlank() ? null : request.notes().strip();
        jdbc.sql("""
                        insert into health.capacity_assessment (id, node_id, border_point, assessed_on, assessed_by,
                                                                checklist_version, notes, created_at)
                        values (:id, :node, :point, :on, :by, :version, :notes, :at)""")
                .param("id", id).param("node", node.nodeId()).param("point", point)
                .param("on", request.assessedOn()).param("by", username).param("version", checklist.version())
                .param("notes", notes).param("at", java.sql.Timestamp.from(now)).update();
        answers.sort(checklistOrder());
        jdbc.sql("""
                        insert into health.capacity_answer (assessment_id, item, area, weight, answer, note)
                        select :id, * from unnest(cast(:items as text[]), cast(:areas as text[]),
                                                  cast(:weights as integer[]), cast(:answers as text[]),
                                                  cast(:notes as text[]))""")
                .param("id", id)
                .param("items", answers.stream().map(RecordedAnswer::item).toArray(String[]::new))
                .param("areas", answers.stream().map(a -> a.area().name()).toArray(String[]::new))
                .param("weights", answers.stream().map(RecordedAnswer::weight).toArray(Integer[]::new))
                .param("answers", answers.stream().map(a -> a.answer().name()).toArray(String[]::new))
                .param("notes", answers.stream().map(RecordedAnswer::note).toArray(String[]::new))
                .update();
        return new Assessment(id, point, request.assessedOn(), username, checklist.version(), notes, now,
                CapacityScores.of(answers), List.copyOf(answers));
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Assessment> history(String borderPoint, PageRequest page, String username) {
        ReadScope scope = accounts.workScope(username);
        String[] points;
        if (borderPoint != null && !borderPoint.isBlank()) {
            String point = borderPoint.strip().toUpperCase(Locale.ROOT);
            if (reference.borderPoint(point).isEmpty()) {
                throw Rejection.invalidField("borderPoint", "'" + borderPoint + "' is not a border point.");
            }
            if (!scope.allows(point)) {
                throw Rejection.notFound("Border point", "No border point " + point + " is in your jurisdiction.");
            }
            points = new String[] {point};
        } else {
            points = scope.borderPointsOrNull();
        }
        long total = jdbc.sql("select count(*) from health.capacity_assessment"
                        + " where (cast(:points as text[]) is null or border_point = any(cast(:points as text[])))")
                .param("points", points).query(Long.class).single();
        List<Assessment> content = withAnswers(jdbc.sql("""
                        select * from health.capacity_assessment
                         where (cast(:points as text[]) is null or border_point = any(cast(:points as text[])))
                         order by assessed_on desc, created_at desc, id desc
                         limit :limit offset :offset""")
                .param("points", points).param("limit", page.size()).param("offset", page.offset())
                .query(CapacityAssessments::head).list());
        return Page.of(content, page, total);
    }

    @Override
    @Transactional(readOnly = true)
    public Assessment assessment(UUID id, String username) {
        List<Assessment> found = withAnswers(jdbc.sql("select * from health.capacity_assessment where id = :id")
                .param("id", id).query(CapacityAssessments::head).list());
        if (found.isEmpty() || !accounts.workScope(username).allows(found.getFirst().borderPoint())) {
            throw Rejection.notFound("Assessment", "No core-capacity assessment has the id " + id + ".");
        }
        return found.getFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Standing> standings(String username) {
        ReadScope scope = accounts.workScope(username);
        List<String> points = reference.borderPoints().stream().map(BorderPoint::code).filter(scope::allows)
                .sorted().toList();
        return standingsOf(points);
    }

    @Override
    @Transactional(readOnly = true)
    public Standing standing(String borderPoint) {
        return standingsOf(List.of(borderPoint)).getFirst();
    }

    private List<Standing> standingsOf(List<String> points) {
        if (points.isEmpty()) {
            return List.of();
        }
        List<Assessment> recent = withAnswers(jdbc.sql("""
                        select * from (
                            select a.*, row_number() over (partition by border_point
                                                           order by assessed_on desc, created_at desc, id desc) as rank
                              from health.capacity_assessment a
                             where border_point = any(cast(:points as text[]))) x
                         where rank <= 2
                         order by border_point, rank""")
                .param("points", points.toArray(String[]::new)).query(CapacityAssessments::head).list());
        Map<String, List<Assessment>> byPoint = recent.stream()
                .collect(Collectors.groupingBy(Assessment::borderPoint, LinkedHashMap::new, Collectors.toList()));
        return points.stream().map(p -> {
            List<Assessment> two = byPoint.getOrDefault(p, List.of());
            return new Standing(p, two.isEmpty() ? null : two.get(0), two.size() < 2 ? null : two.get(1));
        }).toList();
    }


    private static Answer answer(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Answer.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The assessments with their answers, in the order given. */
    private List<Assessment> withAnswers(List<Assessment> heads) {
        if (heads.isEmpty()) {
            return heads;
        }
        Map<UUID, List<RecordedAnswer>> answers = new LinkedHashMap<>();
        jdbc.sql("select * from health.capacity_answer where assessment_id = any(:ids)")
                .param("ids", heads.stream().map(Assessment::id).toArray(UUID[]::new))
                .query((ResultSet rs) -> {
                    answers.computeIfAbsent(rs.getObject("assessment_id", UUID.class), k -> new ArrayList<>())
                            .add(new RecordedAnswer(rs.getString("item"), Area.valueOf(rs.getString("area")),
                                    rs.getInt("weight"), Answer.valueOf(rs.getString("answer")), rs.getString("note")));
                });
        Comparator<RecordedAnswer> checklistOrder = checklistOrder();
        return heads.stream().map(h -> {
            List<RecordedAnswer> mine = new ArrayList<>(answers.getOrDefault(h.id(), List.of()));
            mine.sort(checklistOrder);
            return new Assessment(h.id(), h.borderPoint(), h.assessedOn(), h.assessedBy(), h.checklistVersion(),
                    h.notes(), h.createdAt(), CapacityScores.of(mine), List.copyOf(mine));
        }).toList();
    }

    /** Answers in the checklist's order; an item the checklist no longer has goes last, by its code. */
    private Comparator<RecordedAnswer> checklistOrder() {
        List<String> order = List.copyOf(items.keySet());
        return Comparator.comparingInt((RecordedAnswer a) -> {
            int i = order.indexOf(a.item());
            return i < 0 ? Integer.MAX_VALUE : i;
        }).thenComparing(RecordedAnswer::item);
    }

    private static Assessment head(ResultSet rs, int row) throws SQLException {
        return new Assessment(rs.getObject("id", UUID.class), rs.getString("border_point").strip(),
                rs.getObject("assessed_on", LocalDate.class), rs.getString("assessed_by"),
                rs.getString("checklist_version"), rs.getString("notes"),
                rs.getTimestamp("created_at").toInstant(), null, List.of());
    }
}
