package org.manfadh.screening.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.manfadh.platform.Rejection;
import org.manfadh.referencedata.Authority;
import org.manfadh.platform.Ids;
import org.manfadh.platform.NodeIdentity;
import org.manfadh.platform.NodeRole;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;
import org.manfadh.referencedata.IcaoCodes;
import org.manfadh.referencedata.ReferenceData;
import org.manfadh.screening.ActionOnHit;
import org.manfadh.screening.ListAuthority;
import org.manfadh.screening.Thresholds;
import org.manfadh.screening.WatchlistChanged;
import org.manfadh.screening.WatchlistKind;
import org.manfadh.screening.internal.EntryContent.EntryDocument;
import org.manfadh.screening.EntryKind;
import org.manfadh.screening.EntrySource;
import org.manfadh.screening.EntryStatus;
import org.manfadh.screening.ListChangeAction;
import org.manfadh.screening.ListFileFormat;
import org.manfadh.screening.PendingChangeKind;
import org.manfadh.screening.PendingChangeStatus;
import org.manfadh.screening.WatchlistCommands;
import org.manfadh.screening.WatchlistCommands.ChangeWatchlist;
import org.manfadh.screening.WatchlistCommands.CreateWatchlist;
import org.manfadh.screening.WatchlistCommands.ProposeEntry;
import org.manfadh.screening.WatchlistManagement;
import org.manfadh.screening.internal.WatchlistRecords.Watchlist;
import org.manfadh.screening.matching.ListedName;
import org.manfadh.screening.matching.NameQuality;
import org.manfadh.screening.matching.PartialDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Watchlists as watchlist managers keep them. Every change is one transaction that makes the
 * list's next version and its line in the change log; right after the commit the index takes the
 * change, so that a request that returns has changed what checks match.
 */
@Service
class WatchlistAdministration implements WatchlistManagement {

    private final WatchlistRecords lists;
    private final Entries entries;
    private final ListChanges changes;
    private final Imports imports;
    private final PendingChanges pending;
    private final IndexFeeder feeder;
    private final WatchlistDirectory directory;
    private final IcaoCodes icao;
    private final CountryNames countryNames;
    private final NodeIdentity node;
    private final NodeRole role;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;
    private final long maxImportBytes;
    private final long maxImportElements;

    WatchlistAdministration(WatchlistRecords lists, Entries entries, ListChanges changes, Imports imports,
                            PendingChanges pending, IndexFeeder feeder, WatchlistDirectory directory, ReferenceData referenceData,
                            NodeIdentity node, NodeRole role, TransactionTemplate transaction, ApplicationEventPublisher events,
                            JsonMapper json, Clock clock,
                            @Value("${manfadh.screening.import.max-size:2GB}") DataSize maxImportSize,
                            @Value("${manfadh.screening.import.max-elements:1000000}") long maxImportElements) {
        this.lists = lists;
        this.entries = entries;
        this.changes = changes;
        this.imports = imports;
        this.pending = pending;
        this.feeder = feeder;
        this.directory = directory;
        this.icao = referenceData.icaoCodes();
        this.countryNames = new CountryNames(icao);
        this.node = node;
        this.role = role;
        this.transaction = transaction;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.maxImportBytes = maxImportSize.toBytes();
        this.maxImportElements = maxImportElements;
    }

    // ---- lists

    @Override
    public WatchlistView create(CreateWatchlist request, String by) {
        atHeadquarters();
        double hit = request.hitThreshold() != null ? request.hitThreshold() : Thresholds.DEFAULT_HIT;
        double possible = request.possibleMatchThreshold() != null ? request.possibleMatchThreshold()
                : Math.min(Thresholds.DEFAULT_POSSIBLE_MATCH, hit);
        checkThresholds(hit, possible);
        String name = request.name().strip();
        Watchlist list = new Watchlist(Ids.newId(), node.nodeId(), name, request.kind(), request.actionOnHit(),
                request.authority() != null ? request.authority() : ListAuthority.BOTH, hit, possible, 1, null, by,
                clock.instant());
        transaction.executeWithoutResult(status -> {
            if (lists.nameTaken(name, list.id())) {
                throw nameTaken(name);
            }
            lists.insert(list);
            record(ListChanges.Change.of(Ids.newId(), node.nodeId(), list.id(), 1, ListChangeAction.LIST_CREATED, null, by,
                    list.createdAt(), null));
        });
        return view(list);
    }

    /** A page of the lists an authority's users see (every list when authority is null: national users). */
    @Override
    public Page<WatchlistView> page(PageRequest page, Authority authority) {
        String[] authorities = authority == null ? null : java.util.Arrays.stream(ListAuthority.values())
                .filter(a -> a.visibleTo(authority)).map(Enum::name).toArray(String[]::new);
        List<WatchlistView> views = lists.page(page.offset(), page.size(), authorities).stream().map(this::view)
                .toList();
        return Page.of(views, page, lists.count(authorities));
    }

    @Override
    public WatchlistView get(UUID id) {
        return view(list(id));
    }

    /**
     * Changes a list's settings. A new name takes effect at once; a change of what the list does to
     * travellers — its action on a hit, the authority that screens against it, its thresholds —
     * waits for a second watchlist manager (four eyes), as a pending change.
     */
    @Override
    public SettingsChange change(UUID id, ChangeWatchlist request, String by) {
        atHeadquarters();
        if (request.actionOnHit() != null || request.authority() != null || request.hitThreshold() != null
                || request.possibleMatchThreshold() != null) {
            return proposeSettings(id, request, by);
        }
        Watchlist changed = transaction.execute(status -> {
            Watchlist before = lists.lock(id).orElseThrow(() -> notFound(id));
            return applySettings(before, request.name(), null, null, null, null, blankToNull(request.reason()), by,
                    null, null);
        });
        return view(changed);
    }

    private PendingChangeView proposeSettings(UUID id, ChangeWatchlist request, String by) {
        Watchlist current = list(id);
        String name = request.name() != null ? request.name().strip() : current.name();
        checkThresholds(request.hitThreshold() != null ? request.hitThreshold() : current.hitThreshold(),
                request.possibleMatchThreshold() != null ? request.possibleMatchThreshold()
                        : current.possibleMatchThreshold());
        if (name.isEmpty()) {
            throw Rejection.invalidFields(List.of(new Rejection.Field("name", "must not be blank")));
        }
        if (lists.nameTaken(name, id)) {
            throw nameTaken(name);
        }
        Map<String, Object> asked = new LinkedHashMap<>();
        if (request.name() != null) {
            asked.put("name", name);
        }
        if (request.actionOnHit() != null) {
            asked.put("actionOnHit", request.actionOnHit());
        }
        if (request.authority() != null) {
            asked.put("authority", request.authority());
        }
        if (request.hitThreshold() != null) {
            asked.put("hitThreshold", request.hitThreshold());
        }
        if (request.possibleMatchThreshold() != null) {
            asked.put("possibleMatchThreshold", request.possibleMatchThreshold());
        }
        PendingChanges.PendingChange change = new PendingChanges.PendingChange(Ids.newId(), id, PendingChangeKind.SETTINGS,
                PendingChangeStatus.PENDING,
                json.writeValueAsString(asked), blankToNull(request.reason()), null, null, null, by, clock.instant(),
                null, null, null, null, null, null);
        pending.insert(change);
        return view(change);
    }

    /** The list's next version with the settings given (null: as they are), and its line in the change log. */
    private Watchlist applySettings(Watchlist before, String newName, ActionOnHit action, ListAuthority authority,
                                    Double hitThreshold, Double possibleMatchThreshold, String reason, String by,
                                    String proposedBy, UUID pendingChangeId) {
        UUID id = before.id();
        String name = newName != null ? newName.strip() : before.name();
        double hit = hitThreshold != null ? hitThreshold : before.hitThreshold();
        double possible = possibleMatchThreshold != null ? possibleMatchThreshold : before.possibleMatchThreshold();
        checkThresholds(hit, possible);
        if (name.isEmpty()) {
            throw Rejection.invalidFields(List.of(new Rejection.Field("name", "must not be blank")));
        }
        if (lists.nameTaken(name, id)) {
            throw nameTaken(name);
        }
        Watchlist after = new Watchlist(id, before.nodeId(), name, before.kind(),
                action != null ? action : before.actionOnHit(), authority != null ? authority : before.authority(),
                hit, possible, before.version() + 1, before.unGeneratedAt(), before.createdBy(), before.createdAt());
        lists.changeSettings(after);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("before", settings(before));
        detail.put("after", settings(after));
        if (pendingChangeId != null) {
            detail.put("pendingChangeId", pendingChangeId);
        }
        record(new ListChanges.Change(Ids.newId(), node.nodeId(), id, after.version(), ListChangeAction.SETTINGS_CHANGED, null,
                by,
                clock.instant(), reason, 0, 0, 0, null, null, null, json.writeValueAsString(detail), proposedBy));
        return after;
    }

    private static Map<String, Object> settings(Watchlist w) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", w.name());
        s.put("actionOnHit", w.actionOnHit());
        s.put("authority", w.authority());
        s.put("hitThreshold", w.hitThreshold());
        s.put("possibleMatchThreshold", w.possibleMatchThreshold());
        return s;
    }

    private static void checkThresholds(double hit, double possible) {
        if (possible > hit) {
            throw Rejection.invalidFields(List.of(new Rejection.Field("possibleMatchThreshold",
                    "must not be above hitThreshold (" + hit + ")")));
        }
    }

    // ---- imports

    /**
     * Imports a list file streamed from {@code body}: the UN Security Council list as XML, or a
     * national or lost and stolen documents list as CSV. The file replaces the list's entries from
     * the same source, matched by external id: changed ones are updated, new ones added, missing
     * ones removed. The UN list takes effect at once, logged with the file's SHA-256; a national
     * list file is read and checked now, and its entries kept as a pending change until a second
     * watchlist manager approves it (four eyes).
     */
    @Override
    public Imported importFile(UUID id, String contentType, InputStream body, String by) {
        atHeadquarters();
        Watchlist found = list(id);
        ListFileFormat format = format(contentType, found.kind());
        Bounded counted = new Bounded(body, maxImportBytes);
        MessageDigest sha256 = sha256();
        try {
            PushbackInputStream in = new PushbackInputStream(new DigestInputStream(counted, sha256), 1);
            int first = in.read();
            if (first == -1) {
                throw ImportProblems.empty("The request has no body: send the list file as the body.");
            }
            in.unread(first);
            return transaction.execute(status -> importInTransaction(id, format, in, sha256, by));
        } catch (IOException e) {
            throw ImportProblems.malformed("The file could not be read to its end: " + e.getMessage(), null, null);
        } catch (RuntimeException e) {
            counted.drain();
            throw e;
        }
    }

    private Imported importInTransaction(UUID id, ListFileFormat format, InputStream body, MessageDigest sha256,
                                         String by) {
        // The XML parser closes what it reads at the end; the rest of the body still counts for the digest.
        InputStream in = new FilterInputStream(body) {
            @Override
            public void close() {
            }
        };
        Watchlist list = lists.lock(id).orElseThrow(() -> notFound(id));
        long version = list.version() + 1;
        Instant[] generated = new Instant[1];
        long staged;
        try (Imports.Staging staging = imports.stage()) {
            switch (format) {
                case UN_XML -> new UnListReader(countryNames, maxImportElements).read(in, at -> {
                    if (at != null && list.unGeneratedAt() != null && !at.isAfter(list.unGeneratedAt())) {
                        throw Rejection.conflict("stale-list-file", "The file was generated at " + at
                                + ", not after the file this list was last imported from (" + list.unGeneratedAt()
                                + ")." + ImportProblems.NOTHING_CHANGED);
                    }
                    generated[0] = at;
                }, staging::add);
                case PERSONS_CSV -> new ListCsvReader(ListCsvReader.Layout.PERSONS, icao).read(in, staging::add);
                case DOCUMENTS_CSV -> new ListCsvReader(ListCsvReader.Layout.DOCUMENTS, icao).read(in, staging::add);
            }
            staged = staging.finish();
        }
        try {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (staged == 0) {
            throw ImportProblems.empty("The file lists no entries. An import replaces the list's entries from its "
                    + "source; to take them all off, remove them");
        }
        imports.duplicate().ifPresent(d -> {
            throw ImportProblems.invalidEntry("The external id " + d.externalId() + " appears twice, at lines "
                    + d.firstLine() + " and " + d.secondLine() + ".", d.secondLine(), null);
        });
        EntrySource source = format.source();
        imports.clash(id, source).ifPresent(c -> {
            throw ImportProblems.invalidEntry("The external id " + c.externalId() + " (line " + c.line()
                    + ") belongs to an entry of this list from another source (" + c.source() + ").", c.line(), null);
        });
        Instant now = clock.instant();
        String sha = HexFormat.of().formatHex(sha256.digest());
        if (format != ListFileFormat.UN_XML) {
            PendingChanges.PendingChange change = new PendingChanges.PendingChange(Ids.newId(), id,
                    PendingChangeKind.IMPORT, PendingChangeStatus.PENDING, null, null, format, sha, staged, by, now, null, null, null, null, null, null);
            pending.insert(change);
            pending.keepStaged(change.id());
            return view(change);
        }
        Imports.Merge merge = imports.merge(id, node.nodeId(), source, staged, by, now, version);
        lists.newVersion(id, version);
        if (generated[0] != null) {
            lists.unListGenerated(id, generated[0]);
        }
        record(new ListChanges.Change(Ids.newId(), node.nodeId(), id, version, ListChangeAction.IMPORTED, null, by,
                now, null, merge.added(), merge.updated(), merge.removed(), format, sha, generated[0], null, null));
        return new ImportResult(merge.imported(), merge.added(), merge.updated(), merge.removed(), version, sha);
    }

    // ---- pending changes (four eyes)

    /** A list's changes waiting for a second manager, newest first; every change, decided too, with {@code all}. */
    @Override
    public Page<PendingChangeView> pendingChanges(UUID listId, boolean all, PageRequest page) {
        list(listId);
        return Page.of(pending.page(listId, all, page.offset(), page.size()).stream().map(this::view).toList(), page,
                pending.count(listId, all));
    }

    @Override
    public PendingChangeView pendingChange(UUID listId, UUID changeId) {
        list(listId);
        return view(pendingOf(listId, pending.find(changeId)));
    }

    /**
     * Four eyes: a pending change takes effect when a watchlist manager other than its proposer
     * approves it — settings as asked on top of the list as it now stands, a file's entries merged
     * exactly as an import merges them — as the list's next version, logged with both names.
     */
    @Override
    public PendingChangeView approvePending(UUID listId, UUID changeId, String by) {
        atHeadquarters();
        transaction.executeWithoutResult(status -> {
            Watchlist list = lists.lock(listId).orElseThrow(() -> notFound(listId));
            PendingChanges.PendingChange change = pendingOf(listId, pending.lock(changeId));
            if (!change.pending()) {
                throw Rejection.conflict("change-not-pending", "Change " + changeId + " is " + change.status()
                        + ", not waiting for approval.");
            }
            if (change.proposedBy().equals(by)) {
                throw Rejection.of(Rejection.Kind.FORBIDDEN, "four-eyes", "Second approver required",
                        "You proposed change " + changeId + "; another watchlist manager must approve it.");
            }
            Instant now = clock.instant();
            long version = list.version() + 1;
            if (change.kind() == PendingChangeKind.SETTINGS) {
                JsonNode asked = json.readTree(change.settings());
                applySettings(list, text(asked, "name"),
                        asked.hasNonNull("actionOnHit") ? ActionOnHit.valueOf(asked.get("actionOnHit").asString()) : null,
                        asked.hasNonNull("authority") ? ListAuthority.valueOf(asked.get("authority").asString()) : null,
                        asked.hasNonNull("hitThreshold") ? asked.get("hitThreshold").asDouble() : null,
                        asked.hasNonNull("possibleMatchThreshold") ? asked.get("possibleMatchThreshold").asDouble() : null,
                        change.reason(), by, change.proposedBy(), changeId);
                pending.approved(changeId, by, now, version, null, null, null);
                return;
            }
            imports.emptyStage();
            long staged = pending.restage(changeId);
            imports.duplicate();
            imports.clash(listId, EntrySource.CSV).ifPresent(c -> {
                throw Rejection.conflict("pending-import-clashes", "The external id " + c.externalId() + " (line "
                        + c.line() + ") now belongs to an entry of this list from another source (" + c.source()
                        + "); withdraw this import and import the file again once that is settled.");
            });
            Imports.Merge merge = imports.merge(listId, node.nodeId(), EntrySource.CSV, staged, by, now, version);
            lists.newVersion(listId, version);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("pendingChangeId", changeId);
            detail.put("proposedAt", change.proposedAt());
            record(new ListChanges.Change(Ids.newId(), node.nodeId(), listId, version, ListChangeAction.IMPORTED, null, by,
                    now,                    null, merge.added(), merge.updated(), merge.removed(), change.sourceFormat(), change.sourceSha256(),
                    null, json.writeValueAsString(detail), change.proposedBy()));
            pending.approved(changeId, by, now, version, merge.added(), merge.updated(), merge.removed());
        });
        return view(pending.find(changeId).orElseThrow());
    }

    /** A pending change dropped, by its proposer or another manager; an import's kept entries go with it. */
    @Override
    public PendingChangeView withdrawPending(UUID listId, UUID changeId, String by) {
        atHeadquarters();
        transaction.executeWithoutResult(status -> {
            lists.lock(listId).orElseThrow(() -> notFound(listId));
            PendingChanges.PendingChange change = pendingOf(listId, pending.lock(changeId));
            if (!change.pending()) {
                throw Rejection.conflict("change-not-pending", "Change " + changeId + " is " + change.status()
                        + ", not waiting for approval.");
            }
            pending.withdrawn(changeId, by, clock.instant());
        });
        return view(pending.find(changeId).orElseThrow());
    }

    private static PendingChanges.PendingChange pendingOf(UUID listId, java.util.Optional<PendingChanges.PendingChange> found) {
        return found.filter(c -> c.watchlistId().equals(listId)).orElseThrow(() -> Rejection.notFound(
                "Pending change", "List " + listId + " has no such pending change."));
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asString() : null;
    }

    private PendingChangeView view(PendingChanges.PendingChange c) {
        return new PendingChangeView(c.id(), c.watchlistId(), c.kind(), c.status(),
                c.settings() == null ? null : json.readTree(c.settings()), c.reason(), c.sourceFormat(),
                c.sourceSha256(), c.entryCount(), c.proposedBy(), c.proposedAt(), c.decidedBy(), c.decidedAt(),
                c.appliedVersion(), c.added(), c.updated(), c.removed());
    }

    private static ListFileFormat format(String contentType, WatchlistKind kind) {
        MimeType type;
        try {
            type = contentType == null ? null : MimeTypeUtils.parseMimeType(contentType);
        } catch (IllegalArgumentException e) {
            type = null;
        }
        boolean xml = type != null && (type.isCompatibleWith(MimeTypeUtils.APPLICATION_XML)
                || type.isCompatibleWith(MimeTypeUtils.TEXT_XML));
        boolean csv = type != null && type.isCompatibleWith(MimeTypeUtils.parseMimeType("text/csv"));
        if (csv && type.getCharset() != null && !type.getCharset().name().equals("UTF-8")) {
            throw unsupported("A CSV list file is UTF-8, not " + type.getCharset().name() + ".");
        }
        if (kind.holdsDocuments()) {
            if (!csv) {
                throw unsupported("A list of lost and stolen documents is imported from text/csv with the columns "
                        + "externalId, documentNumber, issuingState, documentType, reportedOn.");
            }
            return ListFileFormat.DOCUMENTS_CSV;
        }
        if (xml) {
            return ListFileFormat.UN_XML;
        }
        if (csv) {
            return ListFileFormat.PERSONS_CSV;
        }
        throw unsupported("Send the UN Security Council Consolidated List as application/xml or a national list "
                + "as text/csv, not " + (contentType == null ? "a body without a content type" : contentType) + ".");
    }

    private static Rejection unsupported(String detail) {
        return Rejection.of(Rejection.Kind.UNSUPPORTED_TYPE, "unsupported-list-format",
                "Unsupported list format", detail + ImportProblems.NOTHING_CHANGED);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The request body, refused past a size; after a failure the rest is read and dropped, so that
     * the client, still sending, gets the problem instead of a reset connection.
     */
    private static final class Bounded extends FilterInputStream {

        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            read += n;
            if (read > limit) {
                throw Rejection.of(Rejection.Kind.TOO_LARGE, "list-file-too-large", "List file too large",
                        "The file is larger than " + limit + " bytes (manfadh.screening.import.max-size)."
                                + ImportProblems.NOTHING_CHANGED);
            }
        }

        void drain() {
            try {
                byte[] buffer = new byte[1 << 16];
                while (read <= limit && in.read(buffer) >= 0) {
                    read += buffer.length;
                }
            } catch (IOException | RuntimeException ignored) {
                // The client has gone; the problem is answered if it can be.
            }
        }
    }

    // ---- entries

    @Override
    public EntryView propose(UUID listId, ProposeEntry request, String by) {
        atHeadquarters();
        Watchlist found = list(listId);
        UUID entryId = Ids.newId();
        String externalId = request.externalId() != null && !request.externalId().isBlank()
                ? request.externalId().strip() : entryId.toString();
        EntryContent content = content(found.kind(), request).withExternalId(externalId);
        Entries.StoredEntry stored = transaction.execute(status -> {
            Watchlist list = lists.lock(listId).orElseThrow(() -> notFound(listId));
            if (entries.externalIdTaken(listId, externalId)) {
                throw Rejection.conflict("external-id-taken", "The list already has an entry with the external id "
                        + externalId + ".");
            }
            long version = list.version() + 1;
            Instant now = clock.instant();
            Entries.StoredEntry e = new Entries.StoredEntry(entryId, node.nodeId(), listId, externalId,
                    content.kind(), EntrySource.MANUAL, EntryStatus.PENDING, content.primaryName(),
                    json.writeValueAsString(content.names()), json.writeValueAsString(content.datesOfBirth()),
                    json.writeValueAsString(content.nationalities()), "[]", content.sex(),
                    json.writeValueAsString(content.documents()), content.documentNumber(), content.issuingState(),
                    content.documentType(), content.reportedOn(), null, content.originatingAgency(),
                    content.legalBasis(), content.notifyOnHit(), content.note(), content.expiresOn(), by, now, null, null,
                    null, null, null, version, version);
            entries.insert(e, content.searchText());
            lists.newVersion(listId, version);
            record(ListChanges.Change.of(Ids.newId(), node.nodeId(), listId, version, ListChangeAction.ENTRY_PROPOSED,
                    entryId, by,
                    now, null));
            return e;
        });
        return view(entries.find(stored.id()).orElseThrow());
    }

    /** Four eyes: a pending entry takes effect when a watchlist manager other than its proposer approves it. */
    @Override
    public EntryView approve(UUID listId, UUID entryId, String by) {
        atHeadquarters();
        transaction.executeWithoutResult(status -> {
            Watchlist list = lists.lock(listId).orElseThrow(() -> notFound(listId));
            Entries.StoredEntry entry = entryOf(listId, entryId);
            if (entry.status() != EntryStatus.PENDING) {
                throw Rejection.conflict("entry-not-pending", "Entry " + entryId + " is " + entry.status()
                        + ", not waiting for approval.");
            }
            if (entry.proposedBy().equals(by)) {
                throw Rejection.of(Rejection.Kind.FORBIDDEN, "four-eyes", "Second approver required",
                        "You proposed entry " + entryId + "; another watchlist manager must approve it.");
            }
            long version = list.version() + 1;
            Instant now = clock.instant();
            if (!entries.approve(entryId, by, now, version)) {
                throw Rejection.conflict("entry-not-pending", "Entry " + entryId + " is no longer waiting for approval.");
            }
            lists.newVersion(listId, version);
            record(ListChanges.Change.of(Ids.newId(), node.nodeId(), listId, version, ListChangeAction.ENTRY_APPROVED,
                    entryId, by,
                    now, null));
        });
        return view(entries.find(entryId).orElseThrow());
    }

    /** Takes an entry off its list (a pending one is withdrawn), with the reason; the row stays for the record. */
    @Override
    public EntryView remove(UUID listId, UUID entryId, String reason, String by) {
        atHeadquarters();
        if (reason == null || reason.isBlank()) {
            throw Rejection.invalidFields(List.of(new Rejection.Field("reason", "is required to remove an entry")));
        }
        transaction.executeWithoutResult(status -> {
            Watchlist list = lists.lock(listId).orElseThrow(() -> notFound(listId));
            Entries.StoredEntry entry = entryOf(listId, entryId);
            if (entry.status() == EntryStatus.REMOVED) {
                throw Rejection.conflict("entry-removed", "Entry " + entryId + " was removed already.");
            }
            long version = list.version() + 1;
            Instant now = clock.instant();
            entries.remove(entryId, by, now, reason.strip(), version);
            lists.newVersion(listId, version);
            record(ListChanges.Change.of(Ids.newId(), node.nodeId(), listId, version, ListChangeAction.ENTRY_REMOVED,
                    entryId, by,
                    now, reason.strip()));
        });
        return view(entries.find(entryId).orElseThrow());
    }

    @Override
    public Page<EntryView> entries(UUID listId, String text, String externalId, String status, PageRequest page) {
        list(listId);
        String named = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        EntryStatus wanted = named == null ? null : Arrays.stream(EntryStatus.values())
                .filter(s -> s.name().equals(named)).findFirst()
                .orElseThrow(() -> Rejection.invalid("invalid-parameter",
                        "Parameter 'status' is PENDING, ACTIVE or REMOVED."));
        String external = externalId == null || externalId.isBlank() ? null : externalId.strip();
        List<EntryView> views = entries.page(listId, text, external, wanted, page.offset(), page.size()).stream()
                .map(this::view).toList();
        return Page.of(views, page, entries.count(listId, text, external, wanted));
    }

    @Override
    public EntryView entry(UUID listId, UUID entryId) {
        list(listId);
        return view(entryOf(listId, entryId));
    }

    @Override
    public Page<ChangeView> changes(UUID listId, UUID entryId, PageRequest page) {
        list(listId);
        List<ChangeView> views = changes.page(listId, entryId, page.offset(), page.size()).stream()
                .map(c -> new ChangeView(c.id(), c.version(), c.action(), c.entryId(), c.madeBy(), c.madeAt(),
                        c.reason(), c.added(), c.updated(), c.removed(), c.sourceFormat(), c.sourceSha256(),
                        c.sourceGeneratedAt(), c.detail() == null ? null : json.readTree(c.detail()),
                        c.proposedBy()))
                .toList();
        return Page.of(views, page, changes.count(listId, entryId));
    }

    // ---- helpers

    /** Lists are kept at headquarters; a post holds the versions it receives and changes none. */
    private void atHeadquarters() {
        if (role.post()) {
            throw Rejection.conflict("watchlists-kept-at-headquarters",
                    "Watchlists are changed at headquarters; this border post receives every version from there.");
        }
    }

    /** Logs the change, announces the version, and has the index take it once the transaction commits. */
    private void record(ListChanges.Change change) {
        changes.insert(change);
        events.publishEvent(new WatchlistChanged(change.watchlistId(), change.version(), change.action()));
        UUID listId = change.watchlistId();
        long version = change.version();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                feeder.sync(listId, version);
                directory.refresh(listId);
            }
        });
    }

    private Watchlist list(UUID id) {
        return lists.find(id).orElseThrow(() -> notFound(id));
    }

    private Entries.StoredEntry entryOf(UUID listId, UUID entryId) {
        return entries.find(entryId).filter(e -> e.watchlistId().equals(listId))
                .orElseThrow(() -> Rejection.notFound("Entry", "List " + listId + " has no entry " + entryId + "."));
    }

    private static Rejection notFound(UUID id) {
        return Rejection.notFound("Watchlist", "No watchlist has the id " + id + ".");
    }

    private static Rejection nameTaken(String name) {
        return Rejection.conflict("watchlist-name-taken", "A watchlist is already named '" + name + "'.");
    }

    private WatchlistView view(Watchlist w) {
        WatchlistRecords.Counts counts = lists.counts(w.id(), LocalDate.now(clock));
        return new WatchlistView(w.id(), w.name(), w.kind(), w.actionOnHit(), w.authority(), w.hitThreshold(),
                w.possibleMatchThreshold(), w.version(), counts.inForce(), counts.pending(), w.unGeneratedAt(),
                w.createdBy(), w.createdAt());
    }

    private EntryView view(Entries.StoredEntry e) {
        return new EntryView(e.id(), e.watchlistId(), e.externalId(), e.kind(), e.source(), e.status(),
                e.inForce(LocalDate.now(clock)), e.primaryName(), json.readTree(e.names()),
                json.readTree(e.datesOfBirth()), json.readTree(e.nationalities()), json.readTree(e.nationalityTexts()),
                e.sex(), json.readTree(e.documents()), e.documentNumber(), e.issuingState(), e.documentType(),
                e.reportedOn(), e.listedOn(), e.originatingAgency(), e.legalBasis(), e.notifyOnHit(), e.note(),
                e.expiresOn(), e.proposedBy(), e.proposedAt(), e.approvedBy(), e.approvedAt(), e.removedBy(),
                e.removedAt(), e.removalReason(), e.createdInVersion(), e.changedInVersion());
    }

    /** A manual entry's content, or 400 naming every field at fault. */
    private EntryContent content(WatchlistKind listKind, ProposeEntry r) {
        List<Rejection.Field> errors = new ArrayList<>();
        EntryKind kind;
        if (listKind.holdsDocuments()) {
            kind = EntryKind.DOCUMENT;
            if (r.kind() != null && !r.kind().equalsIgnoreCase("DOCUMENT")) {
                errors.add(new Rejection.Field("kind", "is DOCUMENT on a list of lost and stolen documents"));
            }
        } else if (r.kind() == null || r.kind().equalsIgnoreCase("PERSON")) {
            kind = EntryKind.PERSON;
        } else if (r.kind().equalsIgnoreCase("ENTITY")) {
            kind = EntryKind.ENTITY;
        } else {
            kind = EntryKind.PERSON;
            errors.add(new Rejection.Field("kind", "is PERSON or ENTITY on a list of persons"));
        }
        LocalDate today = LocalDate.now(clock);
        if (r.expiresOn() != null && r.expiresOn().isBefore(today)) {
            errors.add(new Rejection.Field("expiresOn", "is in the past"));
        }
        if (kind == EntryKind.DOCUMENT) {
            if (blank(r.documentNumber())) {
                errors.add(new Rejection.Field("documentNumber", "is required"));
            }
            String state = code(r.issuingState(), "issuingState", errors, true);
            if (!errors.isEmpty()) {
                throw Rejection.invalidFields(errors);
            }
            return new EntryContent("manual", kind, null, List.of(), List.of(), List.of(), List.of(), null, List.of(),
                    r.documentNumber().strip().toUpperCase(Locale.ROOT), state, blankToNull(r.documentType()),
                    r.reportedOn(), null, blankToNull(r.originatingAgency()), blankToNull(r.legalBasis()),
                    blankToNull(r.notifyOnHit()), blankToNull(r.note()), r.expiresOn(), 0);
        }
        String composed = blank(r.givenNames()) ? blankToNull(r.surname())
                : blank(r.surname()) ? r.givenNames().strip() : r.givenNames().strip() + " " + r.surname().strip();
        String primary = !blank(r.fullName()) ? r.fullName().strip() : composed;
        Set<ListedName> names = new LinkedHashSet<>();
        if (primary == null) {
            errors.add(new Rejection.Field("fullName", "is required (or surname and givenNames)"));
        } else {
            names.add(new ListedName(primary, NameQuality.PRIMARY));
            if (composed != null && !composed.equalsIgnoreCase(primary)) {
                names.add(new ListedName(composed, NameQuality.STRONG_ALIAS));
            }
        }
        if (!blank(r.nameOriginalScript())) {
            names.add(new ListedName(r.nameOriginalScript().strip(), NameQuality.ORIGINAL_SCRIPT));
        }
        if (r.aliases() != null) {
            r.aliases().stream().filter(a -> !blank(a))
                    .forEach(a -> names.add(new ListedName(a.strip(), NameQuality.STRONG_ALIAS)));
        }
        List<PartialDate> dates = new ArrayList<>();
        if (r.datesOfBirth() != null) {
            for (int i = 0; i < r.datesOfBirth().size(); i++) {
                String field = "datesOfBirth[" + i + "]";
                PartialDate.parse(r.datesOfBirth().get(i)).ifPresentOrElse(dates::add,
                        () -> errors.add(new Rejection.Field(field, "is not a date (YYYY-MM-DD or YYYY)")));
            }
        }
        List<String> nationalities = new ArrayList<>();
        if (r.nationalities() != null) {
            for (int i = 0; i < r.nationalities().size(); i++) {
                String code = code(r.nationalities().get(i), "nationalities[" + i + "]", errors, true);
                if (code != null) {
                    nationalities.add(code);
                }
            }
        }
        String sex = null;
        if (!blank(r.sex())) {
            switch (r.sex().strip().toUpperCase(Locale.ROOT)) {
                case "M" -> sex = "M";
                case "F" -> sex = "F";
                case "X" -> sex = null;
                default -> errors.add(new Rejection.Field("sex", "is M, F or X"));
            }
        }
        List<EntryDocument> documents = new ArrayList<>();
        if (r.documents() != null) {
            for (int i = 0; i < r.documents().size(); i++) {
                WatchlistCommands.Document d = r.documents().get(i);
                String state = code(d.issuingState(), "documents[" + i + "].issuingState", errors, false);
                documents.add(new EntryDocument(d.number().strip().toUpperCase(Locale.ROOT), state, null,
                        blankToNull(d.type())));
            }
        }
        if (!errors.isEmpty()) {
            throw Rejection.invalidFields(errors);
        }
        return new EntryContent("manual", kind, primary, List.copyOf(names), dates, nationalities, List.of(), sex,
                documents, null, null, null, null, null, blankToNull(r.originatingAgency()),
                blankToNull(r.legalBasis()), blankToNull(r.notifyOnHit()), blankToNull(r.note()), r.expiresOn(), 0);
    }

    private String code(String value, String field, List<Rejection.Field> errors, boolean required) {
        if (blank(value)) {
            if (required) {
                errors.add(new Rejection.Field(field, "is required"));
            }
            return null;
        }
        String code = value.strip().toUpperCase(Locale.ROOT);
        if (!icao.contains(code)) {
            errors.add(new Rejection.Field(field, "is not an ICAO alpha-3 code"));
            return null;
        }
        return code;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s.strip();
    }
}
