package org.manfadh.screening.web;

import java.io.IOException;
import java.util.UUID;

import org.manfadh.access.Accounts;
import org.manfadh.access.Jurisdiction;
import org.manfadh.platform.web.ApiProblems;
import org.manfadh.platform.Page;
import org.manfadh.platform.ProblemResponses;
import org.manfadh.referencedata.Authority;
import org.manfadh.platform.PageRequest;
import org.manfadh.screening.WatchlistManagement;
import org.manfadh.screening.WatchlistManagement.ChangeView;
import org.manfadh.screening.WatchlistManagement.EntryView;
import org.manfadh.screening.WatchlistManagement.Imported;
import org.manfadh.screening.WatchlistManagement.PendingChangeView;
import org.manfadh.screening.WatchlistManagement.SettingsChange;
import org.manfadh.screening.WatchlistManagement.WatchlistView;
import org.manfadh.screening.WatchlistCommands.ChangeWatchlist;
import org.manfadh.screening.WatchlistCommands.CreateWatchlist;
import org.manfadh.screening.WatchlistCommands.ProposeEntry;
import org.manfadh.screening.WatchlistCommands.RemoveEntry;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/v1/watchlists")
@PreAuthorize("hasAnyRole('WATCHLIST_MANAGER', 'ADMIN')")
class WatchlistController {

    private final WatchlistManagement watchlists;
    private final Accounts accounts;

    WatchlistController(WatchlistManagement watchlists, Accounts accounts) {
        this.watchlists = watchlists;
        this.accounts = accounts;
    }

    /** The authority whose lists the caller sees, or null for a national account (every list). */
    private Authority authorityOf(Authentication caller) {
        Jurisdiction.Scope scope = accounts.jurisdictionOf(caller.getName()).authority();
        return scope.authority().orElse(null);
    }

    /** A list the caller's authority does not screen against is answered as if it did not exist. */
    private WatchlistView visible(UUID id, Authentication caller) {
        WatchlistView list = watchlists.get(id);
        Authority authority = authorityOf(caller);
        if (authority != null && !list.authority().visibleTo(authority)) {
            throw ApiProblems.notFound("Watchlist", "No watchlist has the id " + id + ".");
        }
        return list;
    }

    @Operation(summary = "A new watchlist, version 1, without entries")
    @ProblemResponses({409})
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    WatchlistView create(@Valid @RequestBody CreateWatchlist request, Authentication caller) {
        return watchlists.create(request, caller.getName());
    }

    @Operation(summary = "The watchlists, by name; paged")
    @GetMapping
    @PreAuthorize("hasAnyRole('WATCHLIST_MANAGER', 'SUPERVISOR', 'ADMIN')")
    Page<WatchlistView> lists(@RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer size, Authentication caller) {
        return watchlists.page(PageRequest.of(page, size), authorityOf(caller));
    }

    @Operation(summary = "A watchlist with its version and the number of entries in force")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('WATCHLIST_MANAGER', 'SUPERVISOR', 'ADMIN')")
    WatchlistView list(@PathVariable UUID id, Authentication caller) {
        return visible(id, caller);
    }

    @Operation(summary = "Change a list's name (200, a new version at once), or its action on hit, authority or "
            + "thresholds (202, a pending change that a second watchlist manager approves)")
    @ProblemResponses({409})
    @PatchMapping("/{id}")
    ResponseEntity<SettingsChange> change(@PathVariable UUID id, @Valid @RequestBody ChangeWatchlist request,
                                          Authentication caller) {
        visible(id, caller);
        SettingsChange changed = watchlists.change(id, request, caller.getName());
        return ResponseEntity.status(changed instanceof PendingChangeView ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(changed);
    }

    @Operation(summary = "Import a list file streamed as the body: the UN Security Council Consolidated List "
            + "(application/xml, 200, at once) or a national list CSV (text/csv, 202, a pending change that a second "
            + "watchlist manager approves); replaces the entries from that source by external id")
    @ProblemResponses({409, 413, 415, 422})
    @PostMapping(path = "/{id}/imports", consumes = "*/*")
    ResponseEntity<Imported> importFile(@PathVariable UUID id,
                                        @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
                                        HttpServletRequest request, Authentication caller) throws IOException {
        visible(id, caller);
        Imported imported = watchlists.importFile(id, contentType, request.getInputStream(), caller.getName());
        return ResponseEntity.status(imported instanceof PendingChangeView ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(imported);
    }

    @Operation(summary = "A list's changes waiting for a second watchlist manager, newest first; all=true adds "
            + "the approved and withdrawn ones; paged")
    @GetMapping("/{id}/pending")
    Page<PendingChangeView> pending(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean all,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size, Authentication caller) {
        visible(id, caller);
        return watchlists.pendingChanges(id, all, PageRequest.of(page, size));
    }

    @Operation(summary = "A pending change: the settings asked for, or an imported file's SHA-256 and entry count")
    @GetMapping("/{id}/pending/{changeId}")
    PendingChangeView pendingChange(@PathVariable UUID id, @PathVariable UUID changeId, Authentication caller) {
        visible(id, caller);
        return watchlists.pendingChange(id, changeId);
    }

    @Operation(summary = "Approve a change another watchlist manager proposed (four eyes): it takes effect as the "
            + "list's next version")
    @ProblemResponses({409})
    @PostMapping("/{id}/pending/{changeId}/approve")
    PendingChangeView approvePending(@PathVariable UUID id, @PathVariable UUID changeId, Authentication caller) {
        visible(id, caller);
        return watchlists.approvePending(id, changeId, caller.getName());
    }

    @Operation(summary = "Withdraw a pending change (the proposer, or another manager declining it); an import's "
            + "entries are dropped")
    @ProblemResponses({409})
    @PostMapping("/{id}/pending/{changeId}/withdraw")
    PendingChangeView withdrawPending(@PathVariable UUID id, @PathVariable UUID changeId, Authentication caller) {
        visible(id, caller);
        return watchlists.withdrawPending(id, changeId, caller.getName());
    }

    @Operation(summary = "A list's entries in the order they were made; filters text (names, external id, "
            + "document numbers), externalId, status (default: all but REMOVED); paged")
    @GetMapping("/{id}/entries")
    Page<EntryView> entries(@PathVariable UUID id, @RequestParam(required = false) String text,
                            @RequestParam(required = false) String externalId,
                            @RequestParam(required = false) String status,
                            @RequestParam(required = false) Integer page,
                            @RequestParam(required = false) Integer size, Authentication caller) {
        visible(id, caller);
        return watchlists.entries(id, text, externalId, status, PageRequest.of(page, size));
    }

    @Operation(summary = "One entry, with who proposed, approved or removed it")
    @GetMapping("/{id}/entries/{entryId}")
    EntryView entry(@PathVariable UUID id, @PathVariable UUID entryId, Authentication caller) {
        visible(id, caller);
        return watchlists.entry(id, entryId);
    }

    @Operation(summary = "Propose an entry by hand; it takes effect when a second watchlist manager approves it")
    @ProblemResponses({409})
    @PostMapping("/{id}/entries")
    @ResponseStatus(HttpStatus.CREATED)
    EntryView propose(@PathVariable UUID id, @Valid @RequestBody ProposeEntry request, Authentication caller) {
        visible(id, caller);
        return watchlists.propose(id, request, caller.getName());
    }

    @Operation(summary = "Approve an entry another watchlist manager proposed (four eyes)")
    @ProblemResponses({409})
    @PostMapping("/{id}/entries/{entryId}/approve")
    EntryView approve(@PathVariable UUID id, @PathVariable UUID entryId, Authentication caller) {
        visible(id, caller);
        return watchlists.approve(id, entryId, caller.getName());
    }

    @Operation(summary = "Take an entry off the list (or withdraw a proposal), with a reason")
    @ProblemResponses({409})
    @PostMapping("/{id}/entries/{entryId}/remove")
    EntryView remove(@PathVariable UUID id, @PathVariable UUID entryId, @Valid @RequestBody RemoveEntry request,
                     Authentication caller) {
        visible(id, caller);
        return watchlists.remove(id, entryId, request.reason(), caller.getName());
    }

    @Operation(summary = "Take an entry off the list, the reason as a parameter")
    @ProblemResponses({409})
    @DeleteMapping("/{id}/entries/{entryId}")
    EntryView delete(@PathVariable UUID id, @PathVariable UUID entryId, @RequestParam(required = false) String reason,
                     Authentication caller) {
        visible(id, caller);
        return watchlists.remove(id, entryId, reason, caller.getName());
    }

    @Operation(summary = "The list's versions, newest first: who changed what, when and why; filter entryId; paged")
    @GetMapping("/{id}/changes")
    Page<ChangeView> changes(@PathVariable UUID id, @RequestParam(required = false) UUID entryId,
                             @RequestParam(required = false) Integer page,
                             @RequestParam(required = false) Integer size, Authentication caller) {
        visible(id, caller);
        return watchlists.changes(id, entryId, PageRequest.of(page, size));
    }
}
