package org.manfadh.screening;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;
import org.manfadh.referencedata.Authority;
import org.manfadh.screening.WatchlistCommands.ChangeWatchlist;
import org.manfadh.screening.WatchlistCommands.CreateWatchlist;
import org.manfadh.screening.WatchlistCommands.ProposeEntry;

import tools.jackson.databind.JsonNode;

/**
 * Watchlists as watchlist managers keep them, for the screens and the API: lists, their entries,
 * imports and the changes that wait for a second manager (four eyes). Lists are changed at
 * headquarters only. A refusal is a {@link org.manfadh.platform.Rejection}; nothing has changed then.
 */
public interface WatchlistManagement {

    record WatchlistView(UUID id, String name, WatchlistKind kind, ActionOnHit actionOnHit,
                         ListAuthority authority, double hitThreshold, double possibleMatchThreshold,
                         long version, long entryCount, long pendingCount, Instant unListGeneratedAt,
                         String createdBy, Instant createdAt) implements SettingsChange {
    }

    /** What a change of settings did: applied at once (a new name), or waiting for a second manager. */
    sealed interface SettingsChange permits WatchlistView, PendingChangeView {
    }

    /** What an import did: taken effect (the UN list), or waiting for a second manager (a national list file). */
    sealed interface Imported permits ImportResult, PendingChangeView {
    }

    /**
     * A change waiting for a second watchlist manager (four eyes), or decided: new settings (only
     * those asked for), or an imported file with its SHA-256 and the entries it holds. Once
     * approved, {@code appliedVersion} is the list's version it made, with an import's counts.
     */
    record PendingChangeView(UUID id, UUID listId, PendingChangeKind kind, PendingChangeStatus status,
                             JsonNode settings, String reason, ListFileFormat sourceFormat, String sourceSha256,
                             Long entryCount, String proposedBy, Instant proposedAt, String decidedBy, Instant decidedAt,
                             Long appliedVersion, Integer added, Integer updated, Integer removed)
            implements SettingsChange, Imported {
    }

    record EntryView(UUID id, UUID listId, String externalId, EntryKind kind, EntrySource source, EntryStatus status,
                     boolean inForce, String primaryName, JsonNode names, JsonNode datesOfBirth,
                     JsonNode nationalities, JsonNode nationalityTexts, String sex, JsonNode documents,
                     String documentNumber, String issuingState, String documentType, LocalDate reportedOn,
                     LocalDate listedOn, String originatingAgency, String legalBasis, String notifyOnHit,
                     String note, LocalDate expiresOn, String proposedBy, Instant proposedAt,
                     String approvedBy, Instant approvedAt, String removedBy, Instant removedAt,
                     String removalReason, long createdInVersion, long changedInVersion) {
    }

    /** A version of a list; {@code proposedBy} is the first manager of a change a second one ({@code madeBy}) approved. */
    record ChangeView(UUID id, long version, ListChangeAction action, UUID entryId, String madeBy, Instant madeAt,
                      String reason, int added, int updated, int removed, ListFileFormat sourceFormat,
                      String sourceSha256, Instant sourceGeneratedAt, JsonNode detail, String proposedBy) {
    }

    /** What an import did; when it is answered, the index matches exactly the imported entries. */
    record ImportResult(long imported, int added, int updated, int removed, long version, String sha256)
            implements Imported {
    }

    WatchlistView create(CreateWatchlist request, String by);

    /** A page of the lists an authority's users see (every list when authority is null: national users). */
    Page<WatchlistView> page(PageRequest page, Authority authority);

    WatchlistView get(UUID id);

    /**
     * Changes a list's settings. A new name takes effect at once; a change of what the list does to
     * travellers waits for a second watchlist manager, as a pending change.
     */
    SettingsChange change(UUID id, ChangeWatchlist request, String by);

    /**
     * Imports a list file streamed from {@code body}: the UN Security Council list as XML (in effect
     * at once), or a national or lost and stolen documents list as CSV (pending a second manager).
     */
    Imported importFile(UUID id, String contentType, InputStream body, String by);

    /** A list's changes waiting for a second manager, newest first; every change, decided too, with {@code all}. */
    Page<PendingChangeView> pendingChanges(UUID listId, boolean all, PageRequest page);

    PendingChangeView pendingChange(UUID listId, UUID changeId);

    /** Four eyes: a manager other than its proposer makes the pending change the list's next version. */
    PendingChangeView approvePending(UUID listId, UUID changeId, String by);

    PendingChangeView withdrawPending(UUID listId, UUID changeId, String by);

    /** An entry typed in by a manager; it takes effect when a second manager approves it. */
    EntryView propose(UUID listId, ProposeEntry request, String by);

    EntryView approve(UUID listId, UUID entryId, String by);

    /** Takes an entry off its list (a pending one is withdrawn), with the reason; the row stays for the record. */
    EntryView remove(UUID listId, UUID entryId, String reason, String by);

    Page<EntryView> entries(UUID listId, String text, String externalId, String status, PageRequest page);

    EntryView entry(UUID listId, UUID entryId);

    Page<ChangeView> changes(UUID listId, UUID entryId, PageRequest page);
}
