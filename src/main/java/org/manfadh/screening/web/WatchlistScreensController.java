package org.manfadh.screening.web;

import org.manfadh.referencedata.Authority;
import org.manfadh.access.Jurisdiction;
import org.manfadh.access.Accounts;
import org.springframework.security.core.context.SecurityContextHolder;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.manfadh.platform.PageRequest;
import org.manfadh.screening.internal.WatchlistAdministration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
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

    private final WatchlistAdministration lists;

    private final Accounts accounts;

    WatchlistScreensController(WatchlistAdministration lists, Accounts accounts) {
        this.lists = lists;
        this.accounts = accounts;
    }

    /** The authority whose lists the caller sees, or null for a national account (every list). */
    private Authority authority() {
        Jurisdiction.Scope scope = accounts.jurisdictionOf(
                SecurityContextHolder.getContext().getAuthentication().getName()).authority();
        return scope == Jurisdiction.Scope.NATIONAL ? null : Authority.valueOf(scope.name());
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
            WatchlistAdministration.ImportResult result = lists.importFile(id, type, in, authentication.getName());
            redirect.addFlashAttribute("imported", result);
        } catch (ErrorResponseException e) {
            String problem = String.valueOf(e.getBody().getType());
            problem = problem.substring(problem.lastIndexOf(':') + 1);
            redirect.addFlashAttribute("importError", PROBLEMS.contains(problem) ? "import.error." + problem
                    : "import.error.other");
            redirect.addFlashAttribute("importDetail", e.getBody().getDetail());
        } catch (IOException e) {
            redirect.addFlashAttribute("importError", "import.error.other");
        }
        return "redirect:/watchlists/" + id;
    }

    private WatchlistAdministration.WatchlistView list(UUID id) {
        try {
            return lists.get(id);
        } catch (ErrorResponseException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
