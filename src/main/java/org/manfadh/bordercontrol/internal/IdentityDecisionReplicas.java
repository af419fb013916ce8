package org.manfadh.bordercontrol.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.bordercontrol.IdentityReplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies a post's identity decisions at headquarters, and headquarters' at a post. The document may
 * be held there under another node's id and linked to a traveller the sender never knew (after an
 * identity merge), so the decision is made again about the receiver's own rows: a confirmation
 * marks the document's current link certain; a split moves the document, and its crossings, to the
 * traveller it was split off to (inserted under the sender's id), which the identity merges then
 * never join back to the traveller it left.
 */
@Component
class IdentityDecisionReplicas implements IdentityReplication {

    private static final Logger log = LoggerFactory.getLogger(IdentityDecisionReplicas.class);

    private final JdbcClient jdbc;
    private final Travellers travellers;
    private final JsonMapper json;

    IdentityDecisionReplicas(JdbcClient jdbc, Travellers travellers, JsonMapper json) {
        this.jdbc = jdbc;
        this.travellers = travellers;
        this.json = json;
    }

    @Override
    public Optional<String> export(UUID decisionId) {
        return jdbc.sql("select " + EXPORT + " from bordercontrol.identity_decision x where x.id = :id")
                .param("id", decisionId).query(String.class).optional();
    }

    /** A decision with its document's natural key and the traveller it links the document to. */
    private static final String EXPORT = """
            jsonb_build_object(
                'decision', to_jsonb(x),
                'document', (select jsonb_build_object('issuing_state', d.issuing_state,
                                                       'document_number', d.document_number)
                               from bordercontrol.travel_document d where d.id = x.document_id),
                'to', (select to_jsonb(t) from bordercontrol.traveller t where t.id = x.to_traveller)
            )""";

    @Override
    public String after(long seq, int limit) {
        return jdbc.sql("select coalesce(jsonb_agg(" + EXPORT + " || jsonb_build_object('seq', x.seq) order by x.seq), '[]')::text"
                        + " from (select * from bordercontrol.identity_decision where seq > :seq order by seq limit :limit) x")
                .param("seq", seq).param("limit", limit).query(String.class).single();
    }

    @Override
    public ForPost afterFor(long seq, int limit, String borderPoint) {
        record Row(long seq, String export) {
        }
        List<Row> rows = jdbc.sql("select x.seq, case when exists (select 1 from bordercontrol.crossing c"
                        + " where c.document_id = x.document_id and c.border_point = :point) then (" + EXPORT
                        + " || jsonb_build_object('seq', x.seq))::text end"
                        + " from bordercontrol.identity_decision x where x.seq > :seq order by x.seq limit :limit")
                .param("seq", seq).param("limit", limit).param("point", borderPoint)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2))).list();
        String decisions = rows.stream().map(Row::export).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
        return new ForPost(decisions, rows.isEmpty() ? seq : rows.getLast().seq());
    }

    @Override
    public long applyFromHeadquarters(String decisions) {
        long highest = 0;
        for (JsonNode record : json.readTree(decisions)) {
            highest = Math.max(highest, record.required("seq").asLong());
            applyOne(record, true);
        }
        return highest;
    }

    @Override
    public void apply(String exported) {
        JsonNode records = json.readTree(exported);
        for (JsonNode record : records.isArray() ? records : json.createArrayNode().add(records)) {
            applyOne(record, false);
        }
    }

    /** {@code elsewhere}: from headquarters, where most decisions are about documents other posts hold. */
    private void applyOne(JsonNode record, boolean elsewhere) {
        JsonNode decision = record.required("decision");
        UUID id = UUID.fromString(decision.required("id").asString());
        if (jdbc.sql("select count(*) from bordercontrol.identity_decision where id = :id").param("id", id)
                .query(Long.class).single() > 0) {
            return;
        }
        String state = record.required("document").required("issuing_state").asString();
        String number = record.required("document").required("document_number").asString();
        travellers.lock(List.of("document:" + state + ":" + number));
        Optional<Travellers.Document> found = travellers.findDocument(state, number);
        if (found.isEmpty()) {
            // From a post, its crossings come before it in the outbox: a document nobody crossed on has nothing
            // to decide. From headquarters, the document is usually another post's.
            if (!elsewhere) {
                // The document is named by the decision's id only: a log never holds a document number.
                log.warn("Identity decision {} names a document of {} that is not here; left out", id, state);
            }
            return;
        }
        Travellers.Document document = found.get();
        UUID from = document.travellerId();
        Travellers.IdentityAction action = action(decision.required("action").asString());
        UUID to = from;
        if (action == Travellers.IdentityAction.SPLIT) {
            to = UUID.fromString(decision.required("to_traveller").asString());
            jdbc.sql("""
                    insert into bordercontrol.traveller
                    select * from jsonb_populate_record(null::bordercontrol.traveller, cast(:traveller as jsonb))
                    on conflict do nothing
                    """).param("traveller", record.required("to").toString()).update();
            travellers.lockTravellers(from, to);
            travellers.lockTraveller(from);
        }
        travellers.relink(document.id(), to, action.basis(), IdentityResolver.CERTAIN);
        travellers.recordIdentityDecision(id, UUID.fromString(decision.required("node_id").asString()), document.id(),
                action, from, to, decision.required("reason").asString(), decision.required("decided_by").asString(),
                OffsetDateTime.parse(decision.required("decided_at").asString()).toInstant());
        jdbc.sql("""
                insert into bordercontrol.stay_refresh (traveller_id, queued_at)
                select distinct unnest(cast(:ids as uuid[])), clock_timestamp()
                on conflict (traveller_id) do nothing
                """).param("ids", new UUID[] {from, to}).update();
    }

    private static Travellers.IdentityAction action(String name) {
        try {
            return Travellers.IdentityAction.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown identity decision: " + name);
        }
    }
}
