package org.manfadh.sync.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.manfadh.sync.Puller;
import org.manfadh.sync.Pusher;
import org.manfadh.sync.SyncStatus;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.ibm.icu.text.MeasureFormat;
import com.ibm.icu.text.RelativeDateTimeFormatter;
import com.ibm.icu.util.Measure;
import com.ibm.icu.util.MeasureUnit;
import com.ibm.icu.util.ULocale;

/**
 * The synchronisation screen: at a post, where its link to headquarters stands and a button to
 * push now; at headquarters, every node with its last contact, and which are overdue.
 */
@Controller
class SyncScreenController {

    private final SyncStatus status;
    private final Pusher pusher;
    private final Puller puller;
    private final Clock clock;
    private final org.manfadh.access.NodeCredentials credentials;
    private final org.manfadh.platform.NodeRole role;
    private final org.manfadh.referencedata.ReferenceData referenceData;

    SyncScreenController(SyncStatus status, Pusher pusher, Puller puller, Clock clock,
                         org.manfadh.access.NodeCredentials credentials, org.manfadh.platform.NodeRole role,
                         org.manfadh.referencedata.ReferenceData referenceData) {
        this.credentials = credentials;
        this.role = role;
        this.referenceData = referenceData;
        this.status = status;
        this.pusher = pusher;
        this.puller = puller;
        this.clock = clock;
    }

    @GetMapping("/sync")
    @PreAuthorize("hasRole('ADMIN')")
    String screen(Model model) {
        SyncStatus.Status now = status.status();
        model.addAttribute("status", now);
        model.addAttribute("alertAfter", length(now.alertAfterSeconds()));
        model.addAttribute("ago", this);
        model.addAttribute("borderPoints", referenceData.borderPoints());
        model.addAttribute("postCommand", postCommand("ZRB", "…", "…"));
        return "sync/status";
    }

    /**
     * At headquarters: a post's node gets its own account, as POST /api/v1/sync/nodes issues it; the
     * password is shown on the next page only, inside the command that starts the post with it.
     */
    @PostMapping("/sync/nodes")
    @PreAuthorize("hasRole('ADMIN')")
    String issue(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String borderPoint,
                 RedirectAttributes redirect) {
        if (role.post()) {
            redirect.addFlashAttribute("issueError", "sync.issue.atPost");
            return "redirect:/sync";
        }
        if (referenceData.borderPoint(borderPoint.strip()).isEmpty()) {
            redirect.addFlashAttribute("issueError", "sync.issue.borderPoint");
            return "redirect:/sync#issue";
        }
        try {
            org.manfadh.access.NodeCredentials.Issued issued = credentials.issue(borderPoint.strip());
            redirect.addFlashAttribute("issued", issued);
            redirect.addFlashAttribute("issuedCommand", postCommand(issued.borderPoint(), issued.username(),
                    issued.password()));
        } catch (org.manfadh.platform.Rejection e) {
            redirect.addFlashAttribute("issueError", "sync.issue.failed");
        }
        return "redirect:/sync#issue";
    }

    /** The command that starts a post's server against this headquarters (README: Border posts and synchronisation). */
    private static String postCommand(String borderPoint, String username, String password) {
        String hq = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
                .toUriString();
        return "java -jar manfadh.jar --manfadh.node.role=post --manfadh.node.border-point=" + borderPoint
                + " \\\n  --manfadh.data-dir=" + borderPoint.toLowerCase(Locale.ROOT) + "-data --manfadh.sync.hq-url=" + hq
                + " \\\n  --manfadh.sync.username=" + username + " --manfadh.sync.password=" + password;
    }

    @PostMapping("/sync/push")
    @PreAuthorize("hasRole('ADMIN')")
    String push(RedirectAttributes redirect) {
        Pusher.Result result = pusher.push();
        redirect.addFlashAttribute("pushed", result);
        return "redirect:/sync";
    }

    @PostMapping("/sync/pull")
    @PreAuthorize("hasRole('ADMIN')")
    String pull(RedirectAttributes redirect) {
        redirect.addFlashAttribute("pulled", puller.pull());
        return "redirect:/sync";
    }

    /** How long ago a moment was, in the user's language; empty for none. */
    public String since(Instant at) {
        return at == null ? "" : ago(Math.max(0, Duration.between(at, clock.instant()).toSeconds()));
    }

    /** A length of time in the user's language ("6 hours"), in its largest whole unit. */
    public String length(long seconds) {
        MeasureUnit unit = seconds % 86_400 == 0 ? MeasureUnit.DAY : seconds % 3_600 == 0 ? MeasureUnit.HOUR
                : seconds % 60 == 0 ? MeasureUnit.MINUTE : MeasureUnit.SECOND;
        long per = unit == MeasureUnit.DAY ? 86_400 : unit == MeasureUnit.HOUR ? 3_600 : unit == MeasureUnit.MINUTE ? 60 : 1;
        return MeasureFormat.getInstance(locale(), MeasureFormat.FormatWidth.WIDE).format(new Measure(seconds / per, unit));
    }

    /** How long ago, in the user's language ("3 hours ago"), in its largest whole unit; empty for none. */
    public String ago(Long seconds) {
        if (seconds == null) {
            return "";
        }
        RelativeDateTimeFormatter format = RelativeDateTimeFormatter.getInstance(locale());
        long s = seconds;
        if (s < 60) {
            return format.format(s, RelativeDateTimeFormatter.Direction.LAST, RelativeDateTimeFormatter.RelativeUnit.SECONDS);
        }
        if (s < 3_600) {
            return format.format(s / 60, RelativeDateTimeFormatter.Direction.LAST, RelativeDateTimeFormatter.RelativeUnit.MINUTES);
        }
        if (s < 2 * 86_400) {
            return format.format(s / 3_600, RelativeDateTimeFormatter.Direction.LAST, RelativeDateTimeFormatter.RelativeUnit.HOURS);
        }
        return format.format(s / 86_400, RelativeDateTimeFormatter.Direction.LAST, RelativeDateTimeFormatter.RelativeUnit.DAYS);
    }

    private static ULocale locale() {
        Locale locale = LocaleContextHolder.getLocale();
        return switch (locale.getLanguage()) {
            case "ar" -> new ULocale("ar_IQ");
            case "ckb" -> new ULocale("ckb_IQ");
            default -> new ULocale("en_GB");
        };
    }
}
