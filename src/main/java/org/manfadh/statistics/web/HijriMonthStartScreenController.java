package org.manfadh.statistics.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.manfadh.platform.Rejection;
import org.manfadh.statistics.HijriMonthStarts;
import org.manfadh.statistics.forecast.HijriMonth;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's screen of Hijri month starts: a year's months, each with the day Iraq announced. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class HijriMonthStartScreenController {

    private final HijriMonthStarts months;
    private final Clock clock;

    HijriMonthStartScreenController(HijriMonthStarts months, Clock clock) {
        this.months = months;
        this.clock = clock;
    }

    @GetMapping("/statistics/hijri")
    String year(@RequestParam(required = false) Integer year, Model model) {
        int current = months.hijriYearOf(LocalDate.now(clock));
        int shown = year == null || year < 1300 || year > 1600 ? current : year;
        model.addAttribute("year", shown);
        model.addAttribute("months", months.year(shown));
        return "statistics/hijri/months";
    }

    @PostMapping("/statistics/hijri")
    String record(@RequestParam int year, @RequestParam int month, @RequestParam(defaultValue = "") String firstDay,
                  Authentication caller, RedirectAttributes redirect) {
        redirect.addAttribute("year", year);
        LocalDate day;
        try {
            day = LocalDate.parse(firstDay.strip());
        } catch (DateTimeParseException e) {
            return refused(redirect, month, "statistics.hijri.error.date", null);
        }
        try {
            months.record(new HijriMonthStarts.RecordMonthStart(year, month, day), caller.getName());
            redirect.addFlashAttribute("done", "statistics.hijri.done");
            redirect.addFlashAttribute("doneMonth", monthName(month));
            return "redirect:/statistics/hijri";
        } catch (Rejection e) {
            String key = switch (e.code()) {
                case "month-start-far-from-umm-al-qura" -> "statistics.hijri.error.far";
                case "month-start-taken" -> "statistics.hijri.error.taken";
                default -> "statistics.hijri.error.other";
            };
            return refused(redirect, month, key, e.facts().get("ummAlQura"));
        }
    }

    @PostMapping("/statistics/hijri/forget")
    String forget(@RequestParam int year, @RequestParam int month, Authentication caller, RedirectAttributes redirect) {
        redirect.addAttribute("year", year);
        try {
            months.forget(year, month, caller.getName());
            redirect.addFlashAttribute("done", "statistics.hijri.forgotten");
            redirect.addFlashAttribute("doneMonth", monthName(month));
        } catch (Rejection e) {
            return refused(redirect, month, "statistics.hijri.error.other", null);
        }
        return "redirect:/statistics/hijri";
    }

    /** The month's name for its message key; a number outside 1–12 (a hand-made request) has none. */
    private static String monthName(int month) {
        return month >= 1 && month <= 12 ? HijriMonth.of(month).name() : "UNKNOWN";
    }

    private static String refused(RedirectAttributes redirect, int month, String key, Object ummAlQura) {
        redirect.addFlashAttribute("failed", key);
        redirect.addFlashAttribute("failedMonth", monthName(month));
        if (ummAlQura != null) {
            redirect.addFlashAttribute("failedUmmAlQura", LocalDate.parse(ummAlQura.toString()));
        }
        return "redirect:/statistics/hijri";
    }
}
