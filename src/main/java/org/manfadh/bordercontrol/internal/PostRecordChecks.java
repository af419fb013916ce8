package org.manfadh.bordercontrol.internal;

import static org.manfadh.platform.Provenance.text;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.manfadh.bordercontrol.PostRecords;
import org.manfadh.platform.Provenance;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The checks of {@link PostRecords}: a few look-ups of what is already here, by id, for a whole
 * batch's records of one kind, and the rest in memory, so that checking costs little beside applying.
 */
@Component
class PostRecordChecks implements PostRecords {

    /** Who may record crossings, decide at the booth, open and close groups and issue visas: as the API allows. */
    static final Set<String> BOOTH = Set.of("OFFICER", "SUPERVISOR", "ADMIN");

    /** Who may correct and void crossings, extend visas and decide who is who: as the API allows. */
    static final Set<String> SUPERVISION = Set.of("SUPERVISOR", "ADMIN");

    private final JdbcClient jdbc;
    private final ReferenceData referenceData;
    private final Clock clock;

    PostRecordChecks(JdbcClient jdbc, ReferenceData referenceData, Clock clock) {
        this.jdbc = jdbc;
        this.referenceData = referenceData;
        this.clock = clock;
    }

    @Override
    public Optional<Provenance.Foreign> crossings(List<JsonNode> records, Provenance from) {
        BorderPoint point = pointOf(from);
        Here travellers = new Here("bordercontrol.traveller");
        Here documents = new Here("bordercontrol.travel_document");
        Here visas = new Here("bordercontrol.visa");
        Here decisions = new Here("bordercontrol.decision");
        Here amendments = new Here("bordercontrol.crossing_amendment");
        Map<String, String> crossings = borderPoints("bordercontrol.crossing", ids(records, "crossing"));
        Map<String, String> groups = borderPoints("bordercontrol.crossing_group", ids(records, "group"));
        for (int n = 0; n < records.size(); n++) {
            Optional<String> why = crossing(records.get(n), point, from, travellers, documents, visas, decisions,
                    amendments, crossings, groups);
            if (why.isPresent()) {
                return Optional.of(new Provenance.Foreign(n, why.get()));
            }
        }
        records.forEach(record -> ownTraveller(record.get("traveller")));
        return Optional.empty();
    }

    private Optional<String> crossing(JsonNode record, BorderPoint point, Provenance from, Here travellers,
                                      Here documents, Here visas, Here decisions, Here amendments, Map<String, String> crossings, Map<String, String> groups) {
        JsonNode crossing = record.path("crossing");
        String id = text(crossing, "id");
        if (!point.code().equals(text(crossing, "border_point"))) {
            return Optional.of("Crossing " + id + " is at border point " + text(crossing, "border_point")
                    + ", not at " + point.code());
        }
        if (!point.authority().name().equals(text(crossing, "authority"))
                || !point.governorate().equals(text(crossing, "governorate"))) {
            return Optional.of("Crossing " + id + " names authority " + text(crossing, "authority") + " and governorate "
                    + text(crossing, "governorate") + ", not those of " + point.code());
        }
        if (crossings.containsKey(id) && !point.code().equals(crossings.get(id))) {
            return Optional.of("Crossing " + id + " is at border point " + crossings.get(id) + " here");
        }
        Optional<String> why = crossings.containsKey(id) ? Optional.empty()
                : from.notMadeBySender(crossing, "Crossing", BOOTH, "officer", "override_by");
        why = why.or(() -> from.datedAhead(crossing, "Crossing", "occurred_at", "recorded_at"));
        JsonNode traveller = record.path("traveller");
        if (why.isEmpty() && !Objects.equals(text(traveller, "id"), text(crossing, "traveller_id"))) {
            why = Optional.of("Crossing " + id + " comes with traveller " + text(traveller, "id") + ", not its own");
        }
        if (why.isEmpty()) {
            why = from.notMadeBySender(traveller, "Traveller").filter(w -> !travellers.contains(text(traveller, "id")));
        }
        JsonNode document = record.path("document");
        if (why.isEmpty() && !Objects.equals(text(document, "id"), text(crossing, "document_id"))) {
            why = Optional.of("Crossing " + id + " comes with document " + text(document, "id") + ", not its own");
        }
        if (why.isEmpty()) {
            why = from.notMadeBySender(document, "Document").or(() -> from.datedAhead(document, "Document", "first_seen_at"))
                    .filter(w -> !documents.contains(text(document, "id")));
        }
        JsonNode visa = record.get("visa");
        if (why.isEmpty() && visa != null && visa.isObject()) {
            if (!Objects.equals(text(visa, "id"), text(crossing, "visa_id"))) {
                why = Optional.of("Crossing " + id + " comes with visa " + text(visa, "id") + ", not its own");
            } else {
                why = from.notMadeBySender(visa, "Visa", BOOTH, "created_by").or(() -> from.datedAhead(visa, "Visa", "created_at"))
                        .filter(w -> !visas.contains(text(visa, "id")));
            }
        }
        JsonNode group = record.get("group");
        if (why.isEmpty() && group != null && group.isObject()) {
            why = !Objects.equals(text(group, "id"), text(crossing, "group_id"))
                    ? Optional.of("Crossing " + id + " comes with group " + text(group, "id") + ", not its own")
                    : group(group, point, from, groups);
        }
        Set<String> ownDecisions = new HashSet<>();
        record.path("decisions").forEach(d -> ownDecisions.add(text(d, "id")));
        for (JsonNode decision : record.path("decisions")) {
            if (why.isPresent()) {
                break;
            }
            if (!Objects.equals(text(decision, "crossing_id"), id)) {
                why = Optional.of("Decision " + text(decision, "id") + " is about crossing " + text(decision, "crossing_id")
                        + ", not " + id);
            } else if (text(decision, "supersedes") != null && !ownDecisions.contains(text(decision, "supersedes"))) {
                why = Optional.of("Decision " + text(decision, "id") + " supersedes a decision about another crossing");
            } else {
                why = from.notMadeBySender(decision, "Decision",
                        "CORRECTION".equals(text(decision, "kind")) ? SUPERVISION : BOOTH, "decided_by")
                        .filter(w -> !decisions.contains(text(decision, "id")))
                        .or(() -> from.datedAhead(decision, "Decision", "decided_at"));
            }
        }
        for (JsonNode amendment : record.path("amendments")) {
            if (why.isPresent()) {
                break;
            }
            String movedTo = text(amendment, "border_point");
            if (!Objects.equals(text(amendment, "crossing_id"), id)) {
                why = Optional.of("Amendment " + text(amendment, "id") + " is about crossing "
                        + text(amendment, "crossing_id") + ", not " + id);
            } else if (movedTo != null && !point.code().equals(movedTo)) {
                why = Optional.of("Amendment " + text(amendment, "id") + " moves crossing " + id + " to border point "
                        + movedTo + ", outside " + point.code());
            } else {
                why = from.notMadeBySender(amendment, "Amendment", SUPERVISION, "amended_by")
                        .filter(w -> !amendments.contains(text(amendment, "id")))
                        .or(() -> from.datedAhead(amendment, "Amendment", "amended_at", "occurred_at"));
            }
        }
        return why;
    }

    @Override
    public Optional<Provenance.Foreign> groups(List<JsonNode> records, Provenance from) {
        BorderPoint point = pointOf(from);
        Map<String, String> groups = borderPoints("bordercontrol.crossing_group", ids(records, null));
        for (int n = 0; n < records.size(); n++) {
            Optional<String> why = group(records.get(n), point, from, groups);
            if (why.isPresent()) {
                return Optional.of(new Provenance.Foreign(n, why.get()));
            }
        }
        return Optional.empty();
    }

    /** A group: at the sender's border point, here too; opened (when new) and closed by people who work there. */
    private static Optional<String> group(JsonNode group, BorderPoint point, Provenance from, Map<String, String> groups) {
        String id = text(group, "id");
        if (!point.code().equals(text(group, "border_point"))) {
            return Optional.of("Group " + id + " is at border point " + text(group, "border_point") + ", not at "
                    + point.code());
        }
        if (groups.containsKey(id) && !point.code().equals(groups.get(id))) {
            return Optional.of("Group " + id + " is at border point " + groups.get(id) + " here");
        }
        Optional<String> closer = from.notAllowed(text(group, "closed_by"), BOOTH);
        if (closer.isPresent()) {
            return Optional.of("Group " + id + " names closed_by " + closer.get());
        }
        return (groups.containsKey(id) ? Optional.<String>empty() : from.notMadeBySender(group, "Group", BOOTH, "opened_by"))
                .or(() -> from.datedAhead(group, "Group", "opened_at", "closed_at"));
    }

    @Override
    public Optional<Provenance.Foreign> visas(List<JsonNode> records, Provenance from) {
        Here visas = new Here("bordercontrol.visa");
        Here extensions = new Here("bordercontrol.visa_extension");
        Here travellers = new Here("bordercontrol.traveller");
        for (int n = 0; n < records.size(); n++) {
            JsonNode record = records.get(n);
            JsonNode visa = record.path("visa");
            String id = text(visa, "id");
            Optional<String> why = from.notMadeBySender(visa, "Visa", BOOTH, "created_by").filter(w -> !visas.contains(id))
                    .or(() -> from.datedAhead(visa, "Visa", "created_at"));
            JsonNode traveller = record.get("traveller");
            if (why.isEmpty() && traveller != null && traveller.isObject()) {
                why = !Objects.equals(text(traveller, "id"), text(visa, "traveller_id"))
                        ? Optional.of("Visa " + id + " comes with traveller " + text(traveller, "id") + ", not its own")
                        : from.notMadeBySender(traveller, "Traveller").filter(w -> !travellers.contains(text(traveller, "id")));
            }
            for (JsonNode extension : record.path("extensions")) {
                if (why.isPresent()) {
                    break;
                }
                why = !Objects.equals(text(extension, "visa_id"), id)
                        ? Optional.of("Visa extension " + text(extension, "id") + " is not of visa " + id)
                        : from.notMadeBySender(extension, "Visa extension", SUPERVISION, "created_by")
                        .filter(w -> !extensions.contains(text(extension, "id")))
                        .or(() -> from.datedAhead(extension, "Visa extension", "created_at"));
            }
            if (why.isEmpty()) {
                // Whose visa it is here: the one held under its number, else the post's traveller. A post records
                // and extends visas of the travellers it holds, and it holds those who crossed at its border point.
                UUID holder = jdbc.sql("""
                                select traveller_id from bordercontrol.visa
                                 where issuing_authority = :authority and type = :type and number = :number
                                """).param("authority", text(visa, "issuing_authority")).param("type", text(visa, "type"))
                        .param("number", text(visa, "number")).query(UUID.class).optional()
                        .orElseGet(() -> Provenance.uuid(text(visa, "traveller_id")));
                if (holder == null || !heldAt(holder, null, from.borderPoint())) {
                    why = Optional.of("Visa " + id + " is of a traveller who has not crossed at " + from.borderPoint());
                }
            }
            if (why.isPresent()) {
                return Optional.of(new Provenance.Foreign(n, why.get()));
            }
        }
        records.forEach(record -> ownTraveller(record.get("traveller")));
        return Optional.empty();
    }

    @Override
    public Optional<Provenance.Foreign> identityDecisions(List<JsonNode> records, Provenance from) {
        Here decisions = new Here("bordercontrol.identity_decision");
        Here travellers = new Here("bordercontrol.traveller");
        for (int n = 0; n < records.size(); n++) {
            JsonNode record = records.get(n);
            JsonNode decision = record.path("decision");
            String id = text(decision, "id");
            Optional<String> why = from.notMadeBySender(decision, "Identity decision", SUPERVISION, "decided_by")
                    .filter(w -> !decisions.contains(id))
                    .or(() -> from.datedAhead(decision, "Identity decision", "decided_at"));
            JsonNode to = record.get("to");
            if (why.isEmpty() && to != null && to.isObject()) {
                why = from.notMadeBySender(to, "Traveller").filter(w -> !travellers.contains(text(to, "id")));
            }
            if (why.isEmpty()) {
                JsonNode document = record.path("document");
                record Held(UUID id, UUID travellerId) {
                }
                Optional<Held> held = jdbc.sql("""
                                select id, traveller_id from bordercontrol.travel_document
                                 where issuing_state = :state and document_number = :number
                                """).param("state", text(document, "issuing_state"))
                        .param("number", text(document, "document_number"))
                        .query((rs, i) -> new Held(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                        .optional();
                // A document headquarters does not hold changes nothing here; one it holds must have crossed at the post.
                if (held.isPresent() && !heldAt(held.get().travellerId(), held.get().id(), from.borderPoint())) {
                    why = Optional.of("Identity decision " + id + " is about a document that has not crossed at "
                            + from.borderPoint());
                }
            }
            if (why.isPresent()) {
                return Optional.of(new Provenance.Foreign(n, why.get()));
            }
        }
        records.forEach(record -> ownTraveller(record.get("to")));
        return Optional.empty();
    }

    /**
     * A traveller new here takes headquarters' own name key and first sighting: the name key decides whom
     * headquarters merges, the first sighting which of two records survives a merge, and neither may be
     * the sender's to choose. (One already here keeps its row: the insert skips it.)
     */
    private void ownTraveller(JsonNode traveller) {
        if (traveller instanceof ObjectNode row) {
            row.put("name_key", Travellers.nameKey(text(row, "surname"), text(row, "given_names")));
            row.put("created_at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).toString());
        }
    }

    /** Whether the traveller (or the one a merge made of them), or the document, has crossed at the border point. */
    private boolean heldAt(UUID traveller, UUID document, String borderPoint) {
        return jdbc.sql("""
                with recursive chain (id) as (
                    select cast(:traveller as uuid)
                    union select m.survivor from bordercontrol.identity_merge m join chain on m.merged = chain.id)
                select exists (select 1 from bordercontrol.crossing c
                                where c.border_point = :point
                                  and (c.traveller_id in (select id from chain) or c.document_id = :document))
                """).param("traveller", traveller).param("document", document).param("point", borderPoint)
                .query(Boolean.class).single();
    }

    private BorderPoint pointOf(Provenance from) {
        return referenceData.borderPoint(from.borderPoint()).orElseThrow(() ->
                new IllegalArgumentException("Unknown border point " + from.borderPoint()));
    }

    /** The ids of the records' parts called {@code field} (objects or arrays of them); the records' own when null. */
    private static Set<String> ids(List<JsonNode> records, String field) {
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode record : records) {
            JsonNode part = field == null ? record : record.get(field);
            if (part != null && part.isArray()) {
                part.forEach(rows::add);
            } else if (part != null && part.isObject()) {
                rows.add(part);
            }
        }
        return idsOf(rows);
    }

    private static Set<String> idsOf(List<JsonNode> rows) {
        Set<String> ids = new HashSet<>();
        for (JsonNode row : rows) {
            String id = text(row, "id");
            if (Provenance.uuid(id) != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    /**
     * Which rows of a table are here already, asked only of a row that fails a check a row new here must
     * pass (another node's, or an account that no longer works at the post): a post's own new rows, nearly
     * all of a batch, cost no look-up.
     */
    private final class Here {
        private final String table;
        private final Map<String, Boolean> known = new HashMap<>();

        Here(String table) {
            this.table = table;
        }

        boolean contains(String id) {
            if (Provenance.uuid(id) == null) {
                return false;
            }
            return known.computeIfAbsent(id, i -> jdbc.sql("select exists (select 1 from " + table
                    + " where id = cast(:id as uuid))").param("id", i).query(Boolean.class).single());
        }
    }

    /** The border point of each of these rows already here, by id. */
    private Map<String, String> borderPoints(String table, Set<String> ids) {
        Map<String, String> points = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id::text, border_point from " + table + " where id = any(cast(:ids as uuid[]))")
                    .param("ids", ids.toArray(String[]::new))
                    .query((rs, n) -> points.put(rs.getString(1), rs.getString(2).strip())).list();
        }
        return points;
    }
}
