package org.manfadh.bordercontrol.internal;

import org.manfadh.platform.LoggableFailures;
import org.manfadh.platform.CopyRows;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.manfadh.bordercontrol.internal.DemoTraffic.Crossing;
import org.manfadh.bordercontrol.internal.DemoTraffic.Document;
import org.manfadh.bordercontrol.internal.DemoTraffic.Traffic;
import org.manfadh.bordercontrol.stay.StayRule;
import org.manfadh.platform.Ids;
import org.manfadh.platform.NodeIdentity;
import org.manfadh.referencedata.ReferenceData;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the border control register with a year of demo crossings at Iraq's border points (see
 * {@link DemoTraffic}), once: when the register holds no demo rows yet. Only in demo mode and with
 * {@code manfadh.demo.data=true}; {@code manfadh.demo.data.scale} sets about how many crossings.
 *
 * <p>The load runs in the background, from the moment what it needs exists, so that start-up
 * stays within its budget. If Spring Boot declares the application ready before the
 * load is done, readiness is taken back ({@code REFUSING_TRAFFIC}) and given again when it is
 * done; liveness stays {@code CORRECT} and the API works all along. Everything goes in with
 * {@code COPY}, all tables in one transaction, so a failed load leaves nothing behind. Demo rows
 * carry the request hash {@value #MARKER}; demo travellers are the loader's own, so crossings
 * recorded meanwhile through the API do not meet them.
 */
@Component
@ConditionalOnBooleanProperty(name = {"manfadh.demo", "manfadh.demo.data"}, matchIfMissing = true)
class DemoDataLoader implements InitializingBean, DisposableBean {

    /** What one load put in the register. */
    record Loaded(int crossings, int decisions, int travellers, int documents, int visas, int groups, int stays,
                  LocalDate from, LocalDate to) {
    }

    static final String MARKER = "demo";

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final ReferenceData referenceData;
    private final NodeIdentity node;
    private final StayService stays;
    private final BorderControlSettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final int scale;
    private final long seed;
    /** Guards the readiness hand-over between Spring Boot's announcement and the end of the load. */
    private final Object readiness = new Object();
    private boolean done;
    private boolean refusing;
    private volatile boolean closing;

    DemoDataLoader(DataSource dataSource, TransactionTemplate transaction, JdbcClient jdbc, ReferenceData referenceData,
                   NodeIdentity node, StayService stays, BorderControlSettings settings, Clock clock,
                   ApplicationEventPublisher events, @Value("${manfadh.demo.data.scale:80000}") int scale,
                   @Value("${manfadh.demo.data.seed:20260804}") long seed) {
        this.dataSource = dataSource;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.referenceData = referenceData;
        this.node = node;
        this.stays = stays;
        this.settings = settings;
        this.clock = clock;
        this.events = events;
        this.scale = scale;
        this.seed = seed;
    }

    /**
     * What the load needs exists and the database is migrated: the load starts now, while the rest
     * of the application comes up, so that it is done soon after.
     */
    @Override
    public void afterPropertiesSet() {
        start();
    }

    /** Starts the load in the background. */
    void start() {
        Thread thread = new Thread(this::loadInBackground, "demo-data");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Spring Boot declares the application ready once it has started; while the load runs, that is
     * taken back at once. Listener methods are registered after listener beans, so at the same
     * (lowest) order this runs after Boot's availability bean has stored Boot's state, and the
     * state that stays is ours: readiness never shows ready while the load runs.
     */
    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void onReadiness(AvailabilityChangeEvent<ReadinessState> event) {
        if (event.getState() != ReadinessState.ACCEPTING_TRAFFIC || event.getSource() == this) {
            return;
        }
        synchronized (readiness) {
            if (!done) {
                refusing = true;
                AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
                log.info("Demo data: loading; the application reports ready when the load is done");
            }
        }
    }

    /** The application stops (or failed to start): a load still running will fail as the database goes. */
    @Override
    public void destroy() {
        closing = true;
    }

    private void loadInBackground() {
        try {
            load();
        } catch (RuntimeException e) {
            if (closing) {
                log.info("Demo data: the load stopped as the application shut down; nothing was kept");
            } else {
                log.error("Demo data could not be loaded; the application runs without it", LoggableFailures.of(e));
            }
        } finally {
            synchronized (readiness) {
                done = true;
                if (refusing) {
                    refusing = false;
                    AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
                }
            }
        }
    }

    /** Whether the background load is still running. */
    boolean loading() {
        synchronized (readiness) {
            return !done;
        }
    }

    /** Loads the demo data unless the register already has it; answers what was loaded. */
    Optional<Loaded> load() {
        long start = System.nanoTime();
        if (present()) {
            log.info("Demo data: the register already holds demo crossings; nothing loaded");
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<StayRule> rules = stays.rules();
        Traffic traffic = DemoTraffic.generate(
                new DemoTraffic.Settings(LocalDate.ofInstant(now, clock.getZone()), now, clock.getZone(), scale, seed),
                new DemoTraffic.Register(referenceData.borderPoints(), referenceData.refusalReasons(),
                        referenceData.icaoCodes()::contains, settings::validAt, rules, Ids::newId),
                DemoNames.bundled());
        long made = System.nanoTime();
        // The stays are worked out while the travellers, documents, groups and visas go in.
        CompletableFuture<DemoTraffic.Derived> derived = CompletableFuture.supplyAsync(
                () -> DemoTraffic.derive(traffic, rules, clock.getZone()));
        Optional<Loaded> loaded = transaction.execute(status -> {
            // One load at a time, even with several nodes on one database; the second finds the first's rows.
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended('manfadh:demo-data', 0))").query().singleRow();
            if (present()) {
                log.info("Demo data: the register already holds demo crossings; nothing loaded");
                return Optional.empty();
            }
            write(traffic, derived);
            DemoTraffic.Derived d = derived.join();
            return Optional.of(new Loaded(traffic.crossings().size(), traffic.decisions(), traffic.people().size(),
                    traffic.documents().size(), traffic.visas().size(), traffic.groups().size(), d.stays().size(),
                    traffic.from(), traffic.to()));
        });
        loaded.ifPresent(l -> log.info("Demo data: {} crossings with {} decisions, {} travellers, {} documents, "
                        + "{} visas, {} groups and {} stays, {} to {}, loaded in {} s ({} s to make, {} s to write)",
                l.crossings(), l.decisions(), l.travellers(), l.documents(), l.visas(), l.groups(), l.stays(), l.from(),
                l.to(), seconds(System.nanoTime() - start), seconds(made - start), seconds(System.nanoTime() - made)));
        return loaded;
    }

    private boolean present() {
        return jdbc.sql("select exists (select 1 from bordercontrol.crossing where request_hash = :marker)")
                .param("marker", MARKER).query(Boolean.class).single();
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
    }

    // --- writing ------------------------------------------------------------------------------------

    private void write(Traffic traffic, CompletableFuture<DemoTraffic.Derived> derivation) {
        if (jdbc.sql("select current_setting('is_superuser') = 'on'").query(Boolean.class).single()) {
            // As pg_restore --disable-triggers does: the rows refer only to each other and to reference
            // data, by construction, and checking every reference would double the time of the load.
            // SET LOCAL: for this transaction only.
            jdbc.sql("set local session_replication_role = replica").update();
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            String nodeId = node.nodeId().toString();
            CopyRows rows = null;
            try {
                rows = CopyRows.into(copy, "bordercontrol.traveller",
                        "id, node_id, created_at, surname, given_names, name_original, date_of_birth, nationality, sex, name_key");
                for (DemoTraffic.Person p : traffic.people()) {
                    rows.value(p.id()).text(nodeId).time(traffic.firstRecorded().get(p.id())).text(p.surname())
                            .text(p.givenNames()).text(p.nameOriginal()).text(p.dateOfBirth()).text(p.nationality())
                            .text(p.sex()).text(Travellers.nameKey(p.surname(), p.givenNames())).endRow();
                }
                rows.finish();
                // The triggers that queue travellers for their name keys are off with the others: queued here.
                jdbc.sql("""
                        insert into bordercontrol.name_key_refresh (traveller_id, queued_at)
                        select t.id, clock_timestamp() from bordercontrol.traveller t
                         where not exists (select 1 from bordercontrol.traveller_name_keys k where k.traveller_id = t.id)
                        on conflict (traveller_id) do nothing
                        """).update();

                rows = CopyRows.into(copy, "bordercontrol.travel_document", "id, node_id, traveller_id, document_code, "
                        + "issuing_state, document_number, date_of_expiry, first_seen_at, link_basis, link_confidence");
                for (Document d : traffic.documents()) {
                    boolean linked = traffic.linkedDocuments().contains(d.id());
                    rows.value(d.id()).text(nodeId).value(d.holder().id()).text(d.code()).text(d.issuingState())
                            .text(d.number()).value(d.expiry()).time(traffic.firstRecorded().get(d.id()))
                            .text(linked ? "NAME_BIRTH_NATIONALITY" : "FIRST_DOCUMENT")
                            .value(linked ? IdentityResolver.SAME_PERSON_DETAILS : IdentityResolver.CERTAIN).endRow();
                }
                rows.finish();

                rows = CopyRows.into(copy, "bordercontrol.crossing_group", "id, node_id, border_point, direction, kind, "
                        + "vehicle, leader_name, leader_document, opened_by, opened_at, closed_by, closed_at, request_hash");
                for (DemoTraffic.Group g : traffic.groups()) {
                    rows.value(g.id()).text(nodeId).text(g.borderPoint()).value(g.direction()).value(g.kind())
                            .text(g.vehicle()).text(g.leaderName()).text(g.leaderDocument()).text(g.openedBy())
                            .time(g.openedAt()).text(g.closedBy()).time(g.closedAt()).text(MARKER).endRow();
                }
                rows.finish();

                rows = CopyRows.into(copy, "bordercontrol.visa", "id, node_id, traveller_id, number, type, "
                        + "issuing_authority, valid_from, valid_until, entries_allowed, permitted_stay_days, created_by, created_at");
                for (DemoTraffic.Visa v : traffic.visas()) {
                    rows.value(v.id()).text(nodeId).value(v.holder().id()).text(v.number()).value(v.type())
                            .value(v.issuer()).value(v.validFrom()).value(v.validUntil()).value(v.entriesAllowed())
                            .value(v.permittedStayDays()).text(v.createdBy()).time(v.createdAt()).endRow();
                }
                rows.finish();

                DemoTraffic.Derived derived = derivation.join();
                rows = CopyRows.into(copy, "bordercontrol.crossing", "id, node_id, border_point, authority, governorate, "
                        + "direction, occurred_at, recorded_at, traveller_id, document_id, document, document_valid, "
                        + "purpose, transport_mode, transport_reference, group_id, visa_id, officer, late_reason, "
                        + "override_reason, override_by, minor, accompanied_by, consent_document, flags, request_hash");
                StringBuilder json = new StringBuilder(512);
                for (Crossing c : traffic.crossings()) {
                    rows.value(c.id()).text(nodeId).text(c.point().code()).value(c.point().authority())
                            .text(c.point().governorate()).value(c.direction()).time(c.occurredAt())
                            .time(c.recordedAt()).value(c.traveller().id()).value(c.document().id())
                            .text(snapshot(json, c)).value(c.documentValid()).value(c.purpose())
                            .value(c.transport()).text(c.transportReference()).value(c.groupId())
                            .value(c.visa() == null ? null : c.visa().id()).text(c.officer()).text(c.lateReason())
                            .text(null).text(null).value(c.minor()).text(c.accompaniedBy()).text(c.consentDocument())
                            .words(derived.flagsOf(c)).text(MARKER).endRow();
                }
                rows.finish();

                rows = CopyRows.into(copy, "bordercontrol.decision", "id, node_id, crossing_id, kind, decision, "
                        + "reason_code, note, vulnerability, protection_referral, decided_by, decided_at, supersedes");
                for (Crossing c : traffic.crossings()) {
                    for (DemoTraffic.Ruling r : c.rulings()) {
                        rows.value(r.id()).text(nodeId).value(c.id()).text(r.kind()).value(r.decision())
                                .text(r.reasonCode()).text(r.note()).words(r.vulnerability())
                                .text(r.protectionReferral()).text(r.decidedBy()).time(r.decidedAt())
                                .value(r.supersedes()).endRow();
                    }
                }
                rows.finish();

                rows = CopyRows.into(copy, "bordercontrol.stay", "traveller_id, entry_crossing_id, entry_day, "
                        + "exit_crossing_id, exit_day, basis, visa_id, rule_id, permitted_days, last_legal_day, "
                        + "first_last_legal_day, flags, authority, governorate, border_point, nationality");
                for (Stays.StayRow s : derived.stays()) {
                    rows.value(s.travellerId()).value(s.entryCrossingId()).value(s.entryDay())
                            .value(s.exitCrossingId()).value(s.exitDay()).text(s.basis()).value(s.visaId())
                            .value(s.ruleId()).value(s.permittedDays()).value(s.lastLegalDay())
                            .value(s.firstLastLegalDay()).words(s.flags()).text(s.authority()).text(s.governorate())
                            .text(s.borderPoint()).text(s.nationality()).endRow();
                }
                rows.finish();

                rows = CopyRows.into(copy, "bordercontrol.stay_cover",
                        "traveller_id, entry_crossing_id, from_day, last_legal_day");
                for (Stays.StayRow s : derived.stays()) {
                    for (Stays.Cover cover : s.covers()) {
                        rows.value(s.travellerId()).value(s.entryCrossingId()).value(cover.from())
                                .value(cover.lastLegalDay()).endRow();
                    }
                }
                rows.finish();
                rows = null;
            } finally {
                if (rows != null) {
                    rows.cancel();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Demo data could not be copied into the register: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** The document as read at the booth, in the form {@link CrossingRecorder} keeps it. */
    private static String snapshot(StringBuilder json, Crossing c) {
        Document d = c.document();
        DemoTraffic.Person p = c.traveller();
        json.setLength(0);
        json.append("{\"source\":\"MRZ\",\"format\":\"").append(d.format())
                .append("\",\"documentCode\":\"").append(d.code())
                .append("\",\"issuingState\":\"").append(d.issuingState())
                .append("\",\"documentNumber\":\"").append(d.number())
                .append("\",\"surname\":");
        string(json, p.surname());
        json.append(",\"givenNames\":");
        string(json, p.givenNames());
        json.append(",\"nationality\":\"").append(p.nationality())
                .append("\",\"dateOfBirth\":\"").append(p.dateOfBirth())
                .append("\",\"sex\":\"").append(p.sex())
                .append("\",\"dateOfExpiry\":\"").append(d.expiry())
                .append("\",\"optionalData\":\"\",\"errors\":[],\"warnings\":[");
        if (!c.documentValid()) {
            // As the zone reader warns of an expired document: at the expiry date's place in the zone.
            json.append("{\"code\":\"DOCUMENT_EXPIRED\",\"field\":\"dateOfExpiry\",\"message\":\"The document expired on ")
                    .append(d.expiry()).append(".\",\"line\":2,\"position\":")
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
