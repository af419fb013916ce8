package org.manfadh.bordercontrol.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.manfadh.bordercontrol.CrossingBacklog;
import org.manfadh.bordercontrol.stay.StayRule;
import org.manfadh.platform.CopyRows;
import org.manfadh.platform.NodeIdentity;
import org.manfadh.screening.BulkScreening;
import org.manfadh.screening.ScreeningOutcome;
import org.manfadh.screening.ScreeningResult;
import org.manfadh.screening.ScreeningSubject;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link CrossingBacklog}: screens the backlog through {@link BulkScreening}, works out what the
 * register derives ({@link BacklogDerivation}) and copies everything in with {@code COPY}, all
 * tables in one transaction. The rows refer only to each other and to reference data; checked whole
 * before the first is written.
 */
@Component
class BacklogLoader implements CrossingBacklog {

    private static final Logger log = LoggerFactory.getLogger(BacklogLoader.class);

    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final NodeIdentity node;
    private final StayService stays;
    private final BorderControlSettings settings;
    /** Found when a backlog comes, so that the screening beans are not made early in the start for it. */
    private final ObjectProvider<BulkScreening> screening;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    BacklogLoader(DataSource dataSource, TransactionTemplate transaction, JdbcClient jdbc, NodeIdentity node,
                  StayService stays, BorderControlSettings settings, ObjectProvider<BulkScreening> screening,
                  Clock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.dataSource = dataSource;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.node = node;
        this.stays = stays;
        this.settings = settings;
        this.screening = screening;
        this.clock = clock;
    }

    @Override
    public boolean holds(String source) {
        return jdbc.sql("select exists (select 1 from bordercontrol.crossing where request_hash = :source)")
                .param("source", source).query(Boolean.class).single();
    }

    @Override
    public List<StayRule> stayRules() {
        return stays.rules();
    }

    @Override
    public Optional<Loaded> load(Batch batch) {
        List<StayRule> rules = stays.rules();
        return transaction.execute(status -> {
            // One load of a source at a time, even with several nodes on one database; the second finds the first's rows.
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                    .param("key", "manfadh:crossing-backlog:" + batch.source()).query().singleRow();
            if (holds(batch.source())) {
                return Optional.empty();
            }
            // Checked whole before anything is written or screened.
            BacklogDerivation.Plan checked = BacklogDerivation.plan(batch, clock.getZone(), settings::validAt);
            if (jdbc.sql("select current_setting('is_superuser') = 'on'").query(Boolean.class).single()) {
                // As pg_restore --disable-triggers does: the rows refer only to each other and to reference
                // data, checked above, and checking every reference again would double the time of the load.
                // SET LOCAL: for this transaction only.
                jdbc.sql("set local session_replication_role = replica").update();
            }
            // The stays are worked out while the crossings are screened (and the travellers, documents, groups
            // and visas go in): again, only if screening found anything, which changes flags or decisions.
            CompletableFuture<BacklogDerivation.Stays> clear = CompletableFuture.supplyAsync(
                    () -> BacklogDerivation.stays(checked, rules, clock.getZone()));
            long started = System.nanoTime();
            Map<UUID, ScreeningResult> screened = screening.getObject().screenCrossings(checked.crossings().stream()
                    .map(BacklogLoader::subject).toList());
            BacklogDerivation.Plan plan = BacklogDerivation.withScreenings(checked, screened);
            boolean allClear = screened.values().stream().allMatch(r -> r.outcome() == ScreeningOutcome.CLEAR);
            CompletableFuture<BacklogDerivation.Stays> derived = allClear ? clear
                    : clear.thenApply(ignored -> BacklogDerivation.stays(plan, rules, clock.getZone()));
            long screenedAt = System.nanoTime();
            write(plan, derived);
            events.publishEvent(new org.manfadh.bordercontrol.CrossingsArrived(
                    plan.crossings().stream().map(p -> p.crossing().id()).toList()));
            BacklogDerivation.Stays s = derived.join();
            log.info("Backlog {}: {} crossings screened in {} s ({} referred by screening), written in {} s",
                    batch.source(), plan.crossings().size(), seconds(screenedAt - started), plan.referredByScreening(),
                    seconds(System.nanoTime() - screenedAt));
            int decisions = plan.crossings().stream().mapToInt(p -> p.rulings().size()).sum();
            return Optional.of(new Loaded(plan.crossings().size(), decisions, batch.travellers().size(),
                    batch.documents().size(), batch.visas().size(), batch.groups().size(), s.rows().size(),
                    plan.referredByScreening()));
        });
    }

    /** UUIDs as PostgreSQL orders them: unsigned, byte by byte. */
    private static int unsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
    }

    /** The traveller as the booth's screening reads them: from the document. */
    private static BulkScreening.Subject subject(BacklogDerivation.Planned p) {
        Crossing c = p.crossing();
        Traveller t = p.traveller();
        Document d = p.document();
        return new BulkScreening.Subject(c.id(), c.travellerId(), ScreeningSubject.ofDocument(t.surname(),
                t.givenNames(), Texts.blankToNull(t.nameOriginalScript()), t.dateOfBirth(), t.nationality(),
                t.sex(), d.documentNumber(), d.issuingState()), c.officer(), c.borderPoint().code(), c.recordedAt());
    }

    private void write(BacklogDerivation.Plan plan, CompletableFuture<BacklogDerivation.Stays> derivation) {
        Batch batch = plan.batch();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        CopyRows rows = null;
        try {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            String nodeId = node.nodeId().toString();
            Instant now = clock.instant();
            rows = CopyRows.into(copy, "bordercontrol.traveller",
                    "id, node_id, created_at, surname, given_names, name_original, date_of_birth, nationality, sex, name_key");
            for (Traveller t : batch.travellers()) {
                rows.value(t.id()).text(nodeId).time(plan.firstRecorded().getOrDefault(t.id(), now)).text(t.surname())
                        .text(t.givenNames()).text(t.nameOriginalScript()).text(t.dateOfBirth()).text(t.nationality())
                        .text(t.sex()).text(Travellers.nameKey(t.surname(), t.givenNames())).endRow();
            }
            rows.finish();
            // The triggers that queue travellers for their name keys may be off with the others: queued here.
            jdbc.sql("""
                    insert into bordercontrol.name_key_refresh (traveller_id, queued_at)
                    select t.id, clock_timestamp() from bordercontrol.traveller t
                     where not exists (select 1 from bordercontrol.traveller_name_keys k where k.traveller_id = t.id)
                    on conflict (traveller_id) do nothing
                    """).update();

            rows = CopyRows.into(copy, "bordercontrol.travel_document", "id, node_id, traveller_id, document_code, "
                    + "issuing_state, document_number, date_of_expiry, first_seen_at, link_basis, link_confidence");
            for (Document d : batch.documents()) {
                boolean linked = plan.linkedDocuments().contains(d.id());
                rows.value(d.id()).text(nodeId).value(d.travellerId()).text(d.documentCode()).text(d.issuingState())
                        .text(d.documentNumber()).value(d.dateOfExpiry()).time(plan.firstRecorded().getOrDefault(d.id(), now))
                        .text(linked ? "NAME_BIRTH_NATIONALITY" : "FIRST_DOCUMENT")
                        .value(linked ? IdentityResolver.SAME_PERSON_DETAILS : IdentityResolver.CERTAIN).endRow();
            }
            rows.finish();

            rows = CopyRows.into(copy, "bordercontrol.crossing_group", "id, node_id, border_point, direction, kind, "
                    + "vehicle, leader_name, leader_document, opened_by, opened_at, closed_by, closed_at, request_hash");
            for (Group g : batch.groups()) {
                rows.value(g.id()).text(nodeId).text(g.borderPoint()).value(g.direction()).value(g.kind())
                        .text(g.vehicle()).text(g.leaderName()).text(g.leaderDocument()).text(g.openedBy())
                        .time(g.openedAt()).text(g.closedBy()).time(g.closedAt()).text(batch.source()).endRow();
            }
            rows.finish();

            rows = CopyRows.into(copy, "bordercontrol.visa", "id, node_id, traveller_id, number, type, "
                    + "issuing_authority, valid_from, valid_until, entries_allowed, permitted_stay_days, created_by, created_at");
            for (Visa v : batch.visas()) {
                rows.value(v.id()).text(nodeId).value(v.travellerId()).text(v.number()).value(v.type())
                        .value(v.issuer()).value(v.validFrom()).value(v.validUntil()).value(v.entriesAllowed())
                        .value(v.permittedStayDays()).text(v.recordedBy()).time(v.recordedAt()).endRow();
            }
            rows.finish();

            BacklogDerivation.Stays derived = derivation.join();
            rows = CopyRows.into(copy, "bordercontrol.crossing", "id, node_id, border_point, authority, governorate, "
                    + "direction, occurred_at, recorded_at, traveller_id, document_id, document, document_valid, "
                    + "purpose, transport_mode, transport_reference, group_id, visa_id, officer, late_reason, "
                    + "override_reason, override_by, minor, accompanied_by, consent_document, flags, request_hash");
            StringBuilder json = new StringBuilder(512);
            // In id order: the table is partitioned by its (time-ordered) id, and rows of many months in the
            // order they were planned would go into the partitions and their indexes at random.
            List<BacklogDerivation.Planned> inIdOrder = plan.crossings().stream()
                    .sorted(java.util.Comparator.comparing(p -> p.crossing().id(), BacklogLoader::unsigned)).toList();
            for (BacklogDerivation.Planned p : inIdOrder) {
                Crossing c = p.crossing();
                rows.value(c.id()).text(nodeId).text(c.borderPoint().code()).value(c.borderPoint().authority())
                        .text(c.borderPoint().governorate()).value(c.direction()).time(c.occurredAt())
                        .time(c.recordedAt()).value(c.travellerId()).value(c.documentId())
                        .text(snapshot(json, p)).value(p.documentValid()).value(c.purpose())
                        .value(c.transport()).text(c.transportReference()).value(c.groupId())
                        .value(c.visaId()).text(c.officer()).text(c.lateReason())
                        .text(null).text(null).value(p.minor()).text(c.accompaniedBy()).text(c.consentDocument())
                        .words(derived.flags().get(c.id())).text(batch.source()).endRow();
            }
            rows.finish();

            rows = CopyRows.into(copy, "bordercontrol.decision", "id, node_id, crossing_id, kind, decision, "
                    + "reason_code, note, vulnerability, protection_referral, decided_by, decided_at, supersedes");
            for (BacklogDerivation.Planned p : inIdOrder) {
                UUID initial = null;
                for (Ruling r : p.rulings()) {
                    rows.value(r.id()).text(nodeId).value(p.crossing().id()).text(initial == null ? "INITIAL" : "FINAL")
                            .value(r.decision()).text(r.reasonCode()).text(r.note())
                            .words(r.vulnerability() == null ? List.of() : r.vulnerability())
                            .text(r.protectionReferral()).text(r.decidedBy()).time(r.decidedAt())
                            .value(initial).endRow();
                    if (initial == null) {
                        initial = r.id();
                    }
                }
            }
            rows.finish();

            rows = CopyRows.into(copy, "bordercontrol.stay", "traveller_id, entry_crossing_id, entry_day, "
                    + "exit_crossing_id, exit_day, basis, visa_id, rule_id, permitted_days, last_legal_day, "
                    + "first_last_legal_day, flags, authority, governorate, border_point, nationality");
            for (Stays.StayRow s : derived.rows()) {
                rows.value(s.travellerId()).value(s.entryCrossingId()).value(s.entryDay())
                        .value(s.exitCrossingId()).value(s.exitDay()).text(s.basis()).value(s.visaId())
                        .value(s.ruleId()).value(s.permittedDays()).value(s.lastLegalDay())
                        .value(s.firstLastLegalDay()).words(s.flags()).text(s.authority()).text(s.governorate())
                        .text(s.borderPoint()).text(s.nationality()).endRow();
            }
            rows.finish();

            rows = CopyRows.into(copy, "bordercontrol.stay_cover",
                    "traveller_id, entry_crossing_id, from_day, last_legal_day");
            for (Stays.StayRow s : derived.rows()) {
                for (Stays.Cover cover : s.covers()) {
                    rows.value(s.travellerId()).value(s.entryCrossingId()).value(cover.from())
                            .value(cover.lastLegalDay()).endRow();
                }
            }
            rows.finish();
            rows = null;
        } catch (SQLException e) {
            throw new IllegalStateException("The backlog could not be copied into the register: " + e.getMessage(), e);
        } finally {
            if (rows != null) {
                rows.cancel();
            }
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** The document as read at the booth, in the form {@link CrossingRecorder} keeps it. */
    private static String snapshot(StringBuilder json, BacklogDerivation.Planned p) {
        Document d = p.document();
        Traveller t = p.traveller();
        json.setLength(0);
        json.append("{\"source\":\"MRZ\",\"format\":\"").append(d.format())
                .append("\",\"documentCode\":\"").append(d.documentCode())
                .append("\",\"issuingState\":\"").append(d.issuingState())
                .append("\",\"documentNumber\":\"").append(d.documentNumber())
                .append("\",\"surname\":");
        string(json, t.surname());
        json.append(",\"givenNames\":");
        string(json, t.givenNames());
        json.append(",\"nationality\":\"").append(t.nationality())
                .append("\",\"dateOfBirth\":\"").append(t.dateOfBirth())
                .append("\",\"sex\":\"").append(t.sex())
                .append("\",\"dateOfExpiry\":\"").append(d.dateOfExpiry())
                .append("\",\"optionalData\":\"\",\"errors\":[],\"warnings\":[");
        if (!p.documentValid()) {
            // As the zone reader warns of an expired document: at the expiry date's place in the zone.
            json.append("{\"code\":\"DOCUMENT_EXPIRED\",\"field\":\"dateOfExpiry\",\"message\":\"The document expired on ")
                    .append(d.dateOfExpiry()).append(".\",\"line\":2,\"position\":")
                    .append("TD1".equals(d.format()) ? 9 : 22).append('}');
        }
        return json.append("]}").toString();
    }

    private static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (ch < 0x20) {
                        json.append(String.format("\\u%04x", (int) ch));
                    } else {
                        json.append(ch);
                    }
                }
            }
        }
        json.append('"');
    }
}
