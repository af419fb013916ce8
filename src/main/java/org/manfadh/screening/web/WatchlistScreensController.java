package org.manfadh.screening.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.manfadh.access.Accounts;
import org.manfadh.access.Jurisdiction;
import org.manfadh.platform.Rejection;
import org.manfadh.platform.NodeRole;
import org.manfadh.platform.PageRequest;
import org.manfadh.referencedata.Authority;
import org.manfadh.referencedata.IcaoCodes;
import org.manfadh.referencedata.ReferenceData;
import org.manfadh.screening.PendingChangeKind;
import org.manfadh.screening.WatchlistCommands;
import org.manfadh.screening.WatchlistManagement;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Watchlists on screen: the lists (supervisors may read their settings), and for watchlist
 * managers the entries, the versions and changes, and the upload of a list file, which is imported
 * exactly as the API imports it.
 */
@Controller
class WatchlistScreensController {

    private static final int PAGE_SIZE = 25;
    private static final Set<String> STATUSES = Set.of("PENDING", "ACTIVE", "REMOVED");
    private static final Set<String> PROBLEMS = Set.of("malformed-list-file", "empty-list-file", "invalid-list-entry",
            "unsupported-list-format", "stale-list-file", "list-file-too-large");

    private final WatchlistManagement lists;

    private final Accounts accounts;

    private final ReferenceData referenceData;

    private final Clock clock;
    private final NodeRole role;

    WatchlistScreensController(WatchlistManagement lists, Accounts accounts, ReferenceData referenceData,
                               Clock clock, NodeRole role) {
        this.role = role;
        this.lists = lists;
        this.accounts = accounts;
        this.referenceData = referenceData;
        this.clock = clock;
    }

    /** At a post the lists are headquarters' versions: shown, never changed there. */
    @ModelAttribute("atPost")
    boolean atPost() {
        return role.post();
    }

    /** The authority whose lists the caller sees, or null for a national account (every list). */
    private Authority authority() {
        Jurisdiction.Scope scope = accounts.jurisdictionOf(
                SecurityContextHolder.getContext().getAuthentication().getName()).authority();
        return scope.authority().orElse(null);
    }

    private static PageRequest page(int page) {
        return new PageRequest(Math.max(page, 0), PAGE_SIZE);
    }

    @GetMapping("/watchlists")
    @PreAuthorize("hasAnyRole('WATCHLIST_MANAGER', 'SUPERVISOR', 'ADMIN')")
    String lists(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("lists", lists.page(page(page), authority()));
        return "watchlists/lists";
    }

    @ModelAttribute("listKinds")
    org.manfadh.screening.WatchlistKind[] listKinds() {
        return org.manfadh.screening.WatchlistKind.values();
    }

    @ModelAttribute("listActions")
    org.manfadh.screening.ActionOnHit[] listActions() {
        return org.manfadh.screening.ActionOnHit.values();
    }

    /** What a watchlist manager types for a new list; thresholds as percentages, in any digits. */
    record NewListForm(String name, String kind, String actionOnHit, String authority, String hitThreshold,
                       String possibleMatchThreshold) {
    }

    /**
     * A new list, made as POST /api/v1/watchlists makes it: at headquarters, empty, in force at once. What
     * it will screen against arrives later, by an import or entries that a second manager approves.
     */
    @PostMapping("/watchlists")
    @PreAuthorize("hasAnyRole('WATCHLIST_MANAGER', 'ADMIN')")
    String create(NewListForm form, Authentication caller, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty()) {
            errors.put("name", "newList.error.name");
        } else if (name.length() > 200) {
            errors.put("name", "filter.error.text");
        }
        org.manfadh.screening.WatchlistKind kind = enumOf(org.manfadh.screening.WatchlistKind.class, form.kind());
        if (kind == null) {
            errors.put("kind", "newList.error.kind");
        }
        org.manfadh.screening.ActionOnHit action = enumOf(org.manfadh.screening.ActionOnHit.class, form.actionOnHit());
        if (action == null) {
            errors.put("actionOnHit", "newList.error.action");
        }
        org.manfadh.screening.ListAuthority authority = form.authority() == null || form.authority().isBlank()
                ? org.manfadh.screening.ListAuthority.BOTH
                : enumOf(org.manfadh.screening.ListAuthority.class, form.authority());
        if (authority == null) {
            errors.put("authority", "newList.error.authority");
        }
        Double hit = percent(form.hitThreshold(), "hitThreshold", errors);
        Double possible = percent(form.possibleMatchThreshold(), "possibleMatchThreshold", errors);
        if (errors.isEmpty()) {
            try {
                var created = lists.create(new WatchlistCommands.CreateWatchlist(name, kind, action, authority, hit,
                        possible), caller.getName());
                redirect.addFlashAttribute("created", created.name());
                return "redirect:/watchlists";
            } catch (Rejection e) {
                if (e.code().equals("watchlist-name-taken")) {
                    errors.put("name", "newList.error.taken");
                } else if (!e.fields().isEmpty()) {
                    errors.put("possibleMatchThreshold", "newList.error.order");
                } else {
                    errors.put("name", "newList.error.other");
                }
            }
        }
        redirect.addFlashAttribute("newList", form);
        redirect.addFlashAttribute("newListErrors", errors);
        return "redirect:/watchlists#new-list";
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        try {
            return value == null || value.isBlank() ? null : Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A percentage typed in Western, Arabic-Indic or Persian digits, as a fraction; blank: the default. */
    private static Double percent(String typed, String field, Map<String, String> errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        StringBuilder ascii = new StringBuilder();
        for (char ch : typed.strip().replace("%", "").replace("٪", "").strip().toCharArray()) {
            if (ch >= '٠' && ch <= '٩') {
                ascii.append((char) ('0' + ch - '٠'));
            } else if (ch >= '۰' && ch <= '۹') {
                ascii.append((char) ('0' + ch - '۰'));
            } else {
                ascii.append(ch == '٫' || ch == ',' ? '.' : ch);
            }
        }
        try {
            double value = Double.parseDouble(ascii.toString());
            if (value > 0 && value <= 100 && ascii.toString().matches("[0-9]{1,3}(\\.[0-9]{1,2})?")) {
                return value / 100;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        errors.put(field, "newList.error.threshold");
        return null;
    }

    @GetMapping("/watchlists/{id}")
    @PreAuthorize("hasAnyRole('WATCHLIST_MANAGER', 'ADMIN')")
    String entries(@PathVariable UUID id, @RequestParam(defaultValue = "") String text,
                   @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "0") int page,
                   Model model) {
        model.addAttribute("list", list(id));
        String s = status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        model.addAttribute("text", text);
        model.addAttribute("status", status);
        if (s != null && !STATUSES.contains(s)) {
            model.addAttribute("errors", Map.of("status", "filter.error.status"));
            return "watchlists/entries";
        }
        if (text.length() > 200) {
            model.addAttribute("errors", Map.of("text", "filter.error.text"));
            return "watchlists/entries";
        }
        model.addAttribute("errors", Map.of());
        model.addAttribute("me", SecurityContextHolder.getContext().getAuthentication().getName());
        model.addAttribute("pendingChanges", role.post() ? List.of()
                : lists.pendingChanges(id, false, new PageRequest(0, PAGE_SIZE)).content().stream()
                        .map(PendingRow::of).toList());
        model.addAttribute("entries", lists.entries(id, text.isBlank() ? null : text.strip(), null, s, page(page)));
        return "watchlists/entries";
    }

    @GetMapping("/watchlists/{id}/changes")
    @PreAuthorize("hasAnyRole('WATCHLIST_MANAGER', 'ADMIN')")
    String changes(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("list", list(id));
        model.addAttribute("changes", lists.changes(id, null, page(page)));
        return "watchlists/changes";
    }

    @PostMapping("/watchlists/{id}/import")
    @PreAuthorize("hasAnyRole('WATCHLIST_MANAGER', 'ADMIN')")
    String importFile(@PathVariable UUID id, @RequestParam(required = false) MultipartFile file,
                      Authentication authentication, RedirectAttributes redirect) {
        list(id);
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("importError", "import.error.noFile");
            return "redirect:/watchlists/" + id;
        }
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
        String type = name.endsWith(".xml") ? "application/xml" : name.endsWith(".csv") ? "text/csv"
                : file.getContentType();
        try (InputStream in = file.getInputStream()) {
            switch (lists.importFile(id, type, in, authentication.getName())) {
                case WatchlistManagement.ImportResult result -> redirect.addFlashAttribute("imported", result);
                case WatchlistManagement.PendingChangeView change ->
                        redirect.addFlashAttribute("importPending", PendingRow.of(change));
            }
        } catch (Rejection e) {
            redirect.addFlashAttribute("importError", PROBLEMS.contains(e.code()) ? "import.error." + e.code()
                    : "import.error.other");
            redirect.addFlashAttribute("importDetail", e.detail());
        } catch (IOException e) {
            redirect.addFlashAttribute("importError", "import.error.other");
        }
        return "redirect:/watchlists/" + id;
    }

    /**
     * A change waiting for a second manager, as the list's page shows it: the settings asked for
     * (null where unchanged), or the file's entry count and SHA-256.
     */
    record PendingRow(UUID id, PendingChangeKind kind, String proposedBy, java.time.Instant proposedAt, String reason,
                      String name, String actionOnHit, String authority, Double hitThreshold,
                      Double possibleMatchThreshold, Long entryCount, String sha256) {

        static PendingRow of(WatchlistManagement.PendingChangeView c) {
            var s = c.settings();
            return new PendingRow(c.id(), c.kind(), c.proposedBy(), c.proposedAt(), c.reason(),
                    s != null && s.hasNonNull("name") ? s.get("name").asString() : null,
                    s != null && s.hasNonNull("actionOnHit") ? s.get("actionOnHit").asString() : null,
                    s != null && s.hasNonNull("authority") ? s.get("authority").asString() : null,
                    s != null && s.hasNonNull("hitThreshold") ? s.get("hitThreshold").asDouble() : null,
                    s != null && s.hasNonNull("possibleMatchThreshold") ? s.get("possibleMatchThreshold").asDouble()
                            : null,
                    c.entryCount(), c.sourceSha256());
        }
    }

    @PostMapping("/watchlists/{id}/pending/{changeId}/approve")
    @PreAuthorize("hasAnyRole('WATCHLIST_MANAGER', 'ADMIN')")
    String approvePending(@PathVariable UUID id, @PathVariable UUID changeId, Authentication authentication,
                          RedirectAttributes redirect) {
        list(id);
        try {
            WatchlistManagement.PendingChangeView change = lists.approvePending(id, changeId,
                    authentication.getName());
            redirect.addFlashAttribute("done", "pending.approve.done");
            redirect.addFlashAttribute("doneName", change.appliedVersion());
        } catch (Rejection e) {
            redirect.addFlashAttribute("failed", switch (problem(e)) {
                case "four-eyes" -> "pending.error.four-eyes";
                case "change-not-pending" -> "pending.error.notPending";
                default -> "pending.error.other";
            });
        }
        return "redirect:/watchlists/" + id;
    }

    @PostMapping("/watchlists/{id}/pending/{changeId}/withdraw")
    @PreAuthorize("hasAnyRole('WATCHLIST_MANAGER', 'ADMIN')")
    String withdrawPending(@PathVariable UUID id, @PathVariable UUID changeId, Authentication authentication,
                           RedirectAttributes redirect) {
        list(id);
        try {
            lists.withdrawPending(id, changeId, authentication.getName());
            redirect.addFlashAttribute("done", "pending.withdraw.done");
            redirect.addFlashAttribute("doneName", "");
        } catch (Rejection e) {
            redirect.addFlashAttribute("failed", problem(e).equals("change-not-pending") ? "pending.error.notPending"
                    : "pending.error.other");
        }
        return "redirect:/watchlists/" + id;
    }

    /** What a manager types to propose a person by hand; blank fields are left out. */
    record ProposalForm(String name, String dateOfBirth, String nationality, String sex, String documentNumber,
                        String note) {

        Map<String, String> tooLong() {
            Map<String, String> errors = new LinkedHashMap<>();
            check(errors, "name", name, 500);
            check(errors, "dateOfBirth", dateOfBirth, 10);
            check(errors, "nationality", nationality, 3);
            check(errors, "documentNumber", documentNumber, 100);
            check(errors, "note", note, 4000);
            return errors;
        }

        private static void check(Map<String, String> errors, String field, String value, int max) {
            if (value != null && value.strip().length() > max) {
                errors.put(field, "propose.error.tooLong");
            }
        }

        WatchlistCommands.ProposeEntry command() {
            return new WatchlistCommands.ProposeEntry(null, "PERSON", blankToNull(name), null, null, null, null,
                    blank(dateOfBirth) ? null : List.of(dateOfBirth.strip()),
                    blank(nationality) ? null : List.of(nationality.strip()), blankToNull(sex),
                    blank(documentNumber) ? null
                            : List.of(new WatchlistCommands.Document(documentNumber.strip(), null, null)),
                    null, null, null, null, null, null, null, blankToNull(note), null);
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }

        private static String blankToNull(String s) {
            return blank(s) ? null : s.strip();
        }
    }

    /** The kinds of document a manager picks from; blank when not known. */
    static final List<String> DOCUMENT_TYPES = List.of("PASSPORT", "IDENTITY_CARD", "TRAVEL_DOCUMENT");

    /** What a manager types to propose a lost or stolen document by hand; blank fields are left out. */
    record DocumentForm(String documentNumber, String issuingState, String documentType, String reportedOn,
                        String note) {

        /** The fields at fault, each with the message that says what is wrong in the user's language. */
        Map<String, String> errors(IcaoCodes codes, LocalDate today) {
            Map<String, String> errors = new LinkedHashMap<>();
            if (blank(documentNumber)) {
                errors.put("documentNumber", "proposeDocument.error.documentNumber");
            } else if (documentNumber.strip().length() > 100) {
                errors.put("documentNumber", "propose.error.tooLong");
            } else if (!documentNumber.strip().matches("[A-Za-z0-9]+")) {
                errors.put("documentNumber", "proposeDocument.error.documentNumber");
            }
            if (blank(issuingState) || !codes.contains(issuingState.strip().toUpperCase(Locale.ROOT))) {
                errors.put("issuingState", "proposeDocument.error.issuingState");
            }
            if (!blank(documentType) && !DOCUMENT_TYPES.contains(documentType.strip())) {
                errors.put("documentType", "proposeDocument.error.documentType");
            }
            if (!blank(reportedOn)) {
                LocalDate day = reportedDay();
                if (day == null || day.isAfter(today)) {
                    errors.put("reportedOn", "proposeDocument.error.reportedOn");
                }
            }
            if (note != null && note.strip().length() > 4000) {
                errors.put("note", "propose.error.tooLong");
            }
            return errors;
        }

        private LocalDate reportedDay() {
            try {
                return LocalDate.parse(reportedOn.strip());
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        WatchlistCommands.ProposeEntry command() {
            return new WatchlistCommands.ProposeEntry(null, "DOCUMENT", null, null, null, null, null, null, null, null,
                    null, documentNumber.strip(), issuingState.strip().toUpperCase(Locale.ROOT),
                    blank(documentType) ? null : documentType.strip(), blank(reportedOn) ? null : reportedDay(), null,
                    null, null, blank(note) ? null : note.strip(), null);
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    /** The service's field names, and the message that says what is wrong with each in the user's language. */
    private static Map<String, String> fieldErrors(Rejection e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Rejection.Field f : e.fields()) {
            String field = f.field();
            if (field.equals("fullName")) {
                errors.put("name", "propose.error.name");
            } else if (field.startsWith("datesOfBirth")) {
                errors.put("dateOfBirth", "propose.error.dateOfBirth");
            } else if (field.startsWith("nationalities")) {
                errors.put("nationality", "propose.error.nationality");
            } else if (field.equals("sex")) {
                errors.put("sex", "propose.error.sex");
            } else if (field.startsWith("documents")) {
                errors.put("documentNumber", "propose.error.documentNumber");
            }
        }
        return errors;
    }

    @PostMapping("/watchlists/{id}/entries")
    @PreAuthorize("hasAnyRole('WATCHLIST_MANAGER', 'ADMIN')")
    String propose(@PathVariable UUID id, ProposalForm form, Authentication authentication,
                   RedirectAttributes redirect) {
        WatchlistManagement.WatchlistView list = list(id);
        if (list.kind().holdsDocuments()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        Map<String, String> errors = form.tooLong();
        if (errors.isEmpty()) {
            try {
                WatchlistManagement.EntryView entry = lists.propose(id, form.command(), authentication.getName());
                redirect.addFlashAttribute("done", "propose.done");
                redirect.addFlashAttribute("doneName", entry.primaryName());
                return "redirect:/watchlists/" + id + "?status=PENDING";
            } catch (Rejection e) {
                errors = fieldErrors(e);
                if (errors.isEmpty()) {
                    errors = Map.of("name", "propose.error.other");
                }
            }
        }
        redirect.addFlashAttribute("proposal", form);
        redirect.addFlashAttribute("proposalErrors", errors);
        return "redirect:/watchlists/" + id;
    }

    /** A lost or stolen document typed in by a manager; as a person's entry, it waits for a second manager. */
    @PostMapping("/watchlists/{id}/documents")
    @PreAuthorize("hasAnyRole('WATCHLIST_MANAGER', 'ADMIN')")
    String proposeDocument(@PathVariable UUID id, DocumentForm form, Authentication authentication,
                           RedirectAttributes redirect) {
        WatchlistManagement.WatchlistView list = list(id);
        if (!list.kind().holdsDocuments()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        Map<String, String> errors = form.errors(referenceData.icaoCodes(), LocalDate.now(clock));
        if (errors.isEmpty()) {
            try {
                WatchlistManagement.EntryView entry = lists.propose(id, form.command(), authentication.getName());
                redirect.addFlashAttribute("done", "propose.done");
                redirect.addFlashAttribute("doneName", entry.documentNumber() + " " + entry.issuingState());
                return "redirect:/watchlists/" + id + "?status=PENDING";
            } catch (Rejection e) {
                errors = documentFieldErrors(e);
            }
        }
        redirect.addFlashAttribute("documentProposal", form);
        redirect.addFlashAttribute("documentProposalErrors", errors);
        return "redirect:/watchlists/" + id;
    }

    private static Map<String, String> documentFieldErrors(Rejection e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Rejection.Field f : e.fields()) {
            switch (f.field()) {
                case "documentNumber" -> errors.put("documentNumber", "proposeDocument.error.documentNumber");
                case "issuingState" -> errors.put("issuingState", "proposeDocument.error.issuingState");
                case "documentType" -> errors.put("documentType", "proposeDocument.error.documentType");
                default -> { }
            }
        }
        if (errors.isEmpty()) {
            errors.put("documentNumber", "propose.error.other");
        }
        return errors;
    }

    @PostMapping("/watchlists/{id}/entries/{entryId}/approve")
    @PreAuthorize("hasAnyRole('WATCHLIST_MANAGER', 'ADMIN')")
    String approve(@PathVariable UUID id, @PathVariable UUID entryId, Authentication authentication,
                   RedirectAttributes redirect) {
        list(id);
        try {
            WatchlistManagement.EntryView entry = lists.approve(id, entryId, authentication.getName());
            redirect.addFlashAttribute("done", "approve.done");
            redirect.addFlashAttribute("doneName", entry.primaryName() != null ? entry.primaryName()
                    : entry.documentNumber());
        } catch (Rejection e) {
            redirect.addFlashAttribute("failed", problem(e).equals("four-eyes") ? "approve.error.four-eyes"
                    : problem(e).equals("entry-not-pending") ? "approve.error.notPending" : "entry.error.other");
        }
        return "redirect:/watchlists/" + id;
    }

    @PostMapping("/watchlists/{id}/entries/{entryId}/remove")
    @PreAuthorize("hasAnyRole('WATCHLIST_MANAGER', 'ADMIN')")
    String remove(@PathVariable UUID id, @PathVariable UUID entryId, @RequestParam(defaultValue = "") String reason,
                  Authentication authentication, RedirectAttributes redirect) {
        list(id);
        if (reason.isBlank() || reason.strip().length() > 2000) {
            redirect.addFlashAttribute("failed", reason.isBlank() ? "remove.error.reason" : "remove.error.tooLong");
            return "redirect:/watchlists/" + id;
        }
        try {
            WatchlistManagement.EntryView entry = lists.remove(id, entryId, reason, authentication.getName());
            redirect.addFlashAttribute("done", "remove.done");
            redirect.addFlashAttribute("doneName", entry.primaryName() != null ? entry.primaryName()
                    : entry.documentNumber());
        } catch (Rejection e) {
            redirect.addFlashAttribute("failed", problem(e).equals("entry-removed") ? "remove.error.removed"
                    : "entry.error.other");
        }
        return "redirect:/watchlists/" + id;
    }

    private static String problem(Rejection e) {
        return e.code();
    }

    private WatchlistManagement.WatchlistView list(UUID id) {
        try {
            return lists.get(id);
        } catch (Rejection e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
