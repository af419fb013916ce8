package org.manfadh.access.web;

import org.manfadh.access.SecondFactors;
import org.manfadh.access.TwoFactorSignIn;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Two-factor sign-in on the screens: the code asked for after the password, the set-up of a factor
 * half-way through signing in (for an account whose roles require one), and a signed-in user's own
 * set-up at {@code /account/two-factor}.
 */
@Controller
class TwoFactorController {

    private final TwoFactorSignIn signIn;
    private final SecondFactors twoFactor;

    TwoFactorController(TwoFactorSignIn signIn, SecondFactors twoFactor) {
        this.signIn = signIn;
        this.twoFactor = twoFactor;
    }

    @GetMapping("/login/code")
    String code(HttpServletRequest request) {
        return signIn.pending(request).isPresent() ? "access/sign-in-code" : "redirect:/login";
    }

    @PostMapping("/login/code")
    String code(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
                HttpServletResponse response) {
        return switch (signIn.withCode(request, response, code)) {
            case SIGNED_IN -> "redirect:" + signIn.next(request, response);
            case WRONG_CODE -> "redirect:/login/code?wrong";
            case LOCKED -> "redirect:/login?error";
            case THROTTLED -> "redirect:/login?throttled";
            case NOTHING_PENDING -> "redirect:/login";
        };
    }

    @GetMapping("/login/enrol")
    String enrol(HttpServletRequest request, Model model) {
        var enrolment = signIn.startEnrolment(request);
        if (enrolment.isEmpty()) {
            return "redirect:/login";
        }
        model.addAttribute("enrolment", enrolment.get());
        model.addAttribute("required", true);
        model.addAttribute("confirmAction", "/login/enrol");
        return "access/two-factor";
    }

    @PostMapping("/login/enrol")
    String enrol(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
                 HttpServletResponse response) {
        return switch (signIn.confirmEnrolment(request, response, code)) {
            case SIGNED_IN -> "redirect:" + signIn.next(request, response);
            case WRONG_CODE -> "redirect:/login/enrol?wrong";
            case LOCKED -> "redirect:/login?error";
            case THROTTLED -> "redirect:/login?throttled";
            case NOTHING_PENDING -> "redirect:/login";
        };
    }

    @GetMapping("/account/two-factor")
    String own(Authentication user, Model model) {
        SecondFactors.Status status = twoFactor.status(user.getName());
        model.addAttribute("status", status);
        status.pending().ifPresent(e -> model.addAttribute("enrolment", e));
        model.addAttribute("required", status.required());
        model.addAttribute("confirmAction", "/account/two-factor/confirm");
        return "access/two-factor";
    }

    @PostMapping("/account/two-factor")
    String start(Authentication user) {
        twoFactor.start(user.getName());
        return "redirect:/account/two-factor";
    }

    @PostMapping("/account/two-factor/confirm")
    String confirm(@RequestParam(defaultValue = "") String code, Authentication user, HttpServletRequest request,
                   HttpServletResponse response, RedirectAttributes redirect) {
        if (!twoFactor.confirm(user.getName(), code)) {
            return "redirect:/account/two-factor?wrong";
        }
        // Confirming ended the account's other sessions; this one carries on.
        signIn.renew(request, response, user.getName());
        redirect.addFlashAttribute("done", true);
        return "redirect:/account/two-factor";
    }
}
