package org.manfadh.access.web;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.manfadh.access.AccountManagement;
import org.manfadh.platform.Rejection;
import org.manfadh.platform.PageRequest;
import org.manfadh.referencedata.Governorate;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Users and their roles for administrators: the list, a new account, and enabling, disabling or
 * unlocking one or removing its second factor, through the same {@link AccountManagement} as POST and PATCH /api/v1/users.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class UsersController {

    private final AccountManagement administration;

    private final ReferenceData referenceData;

    UsersController(AccountManagement administration, ReferenceData referenceData) {
        this.administration = administration;
        this.referenceData = referenceData;
    }

    /**
     * What an administrator types for a new account: governorates are ticked, border points are codes
     * separated by commas or spaces.
     */
    record NewAccountForm(String username, String password, List<String> roles, String authority,
                          List<String> governorates, String borderPoints) {

        AccountManagement.NewAccount command() {
            Set<String> points = new LinkedHashSet<>();
            if (borderPoints != null) {
                Arrays.stream(borderPoints.split("[,\\s]+")).filter(p -> !p.isBlank())
                        .forEach(p -> points.add(p.strip().toUpperCase(java.util.Locale.ROOT)));
            }
            return new AccountManagement.NewAccount(username, password,
                    roles == null ? null : new LinkedHashSet<>(roles),
                    new AccountManagement.JurisdictionInput(authority,
                            governorates == null ? Set.of() : new LinkedHashSet<>(governorates), points));
        }
    }

    @GetMapping("/users")
    String users(@RequestParam(defaultValue = "0") int page, Model model) {
        PageRequest request = new PageRequest(Math.max(page, 0), 50);
        model.addAttribute("users", administration.listing(request));
        // Jurisdiction and lock-out as the API shows them, by name (both pages run in username order).
        Map<String, AccountManagement.AccountView> access = new LinkedHashMap<>();
        administration.page(request).content().forEach(a -> access.put(a.username(), a));
        model.addAttribute("access", access);
        model.addAttribute("governorates", governorates());
        return "access/users";
    }

    /** The federal region's governorates first, then the Kurdistan Region's, as the authority list runs. */
    private List<Governorate> governorates() {
        return referenceData.governorates().stream()
                .sorted(Comparator.comparing((Governorate g) -> g.authority() == null ? "" : g.authority().name())
                        .thenComparing(Governorate::code))
                .toList();
    }

    /** An account's roles and jurisdiction, to change. */
    @GetMapping("/users/{username}")
    String account(@PathVariable String username, Model model, Authentication caller) {
        AccountManagement.AccountView account;
        try {
            account = administration.get(username);
        } catch (Rejection e) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        model.addAttribute("user", account);
        model.addAttribute("own", username.equals(caller.getName()));
        if (!model.containsAttribute("account")) {
            model.addAttribute("account", new NewAccountForm(account.username(), null,
                    account.roles().stream().map(Enum::name).toList(), account.jurisdiction().authority().name(),
                    List.copyOf(account.jurisdiction().governorates()),
                    String.join(", ", account.jurisdiction().borderPoints())));
        }
        model.addAttribute("governorates", governorates());
        return "access/user";
    }

    /** Roles and jurisdiction changed together, checked as PATCH /api/v1/users checks them; the account's sessions end. */
    @PostMapping("/users/{username}/access")
    String changeAccess(@PathVariable String username, NewAccountForm form, Authentication caller,
                        RedirectAttributes redirect) {
        AccountManagement.NewAccount typed = form.command();
        try {
            administration.change(username, new AccountManagement.AccountChange(
                    typed.roles() == null ? Set.of() : typed.roles(), typed.jurisdiction(), null, null, null, null),
                    caller.getName());
            redirect.addFlashAttribute("done", "users.access.done");
            redirect.addFlashAttribute("doneName", username);
            return "redirect:/users";
        } catch (Rejection e) {
            Map<String, String> errors = fieldErrors(e);
            if (errors.isEmpty()) {
                errors = Map.of("roles", problem(e).equals("not-found") ? "users.error.notFound" : "users.error.other");
            }
            if (errors.containsKey("username")) {
                errors = new LinkedHashMap<>(errors);
                errors.put("roles", errors.remove("username"));
            }
            redirect.addFlashAttribute("account", new NewAccountForm(username, null, form.roles(), form.authority(),
                    form.governorates(), form.borderPoints()));
            redirect.addFlashAttribute("accountErrors", errors);
            return "redirect:/users/" + username;
        }
    }

    @PostMapping("/users")
    String create(NewAccountForm form, RedirectAttributes redirect) {
        try {
            AccountManagement.AccountView created = administration.create(form.command());
            redirect.addFlashAttribute("done", "users.created.done");
            redirect.addFlashAttribute("doneName", created.username());
        } catch (Rejection e) {
            Map<String, String> errors = fieldErrors(e);
            if (errors.isEmpty()) {
                errors = Map.of("username", problem(e).equals("username-taken") ? "users.error.taken"
                        : "users.error.other");
            }
            // The password is not sent back to the browser.
            redirect.addFlashAttribute("account", new NewAccountForm(form.username(), null, form.roles(),
                    form.authority(), form.governorates(), form.borderPoints()));
            redirect.addFlashAttribute("accountErrors", errors);
        }
        return "redirect:/users";
    }

    @PostMapping("/users/{username}/enable")
    String enable(@PathVariable String username, Authentication caller, RedirectAttributes redirect) {
        return change(username, new AccountManagement.AccountChange(null, null, true, null, null, null),
                "users.enabled.done", caller, redirect);
    }

    @PostMapping("/users/{username}/disable")
    String disable(@PathVariable String username, Authentication caller, RedirectAttributes redirect) {
        return change(username, new AccountManagement.AccountChange(null, null, false, null, null, null),
                "users.disabled.done", caller, redirect);
    }

    @PostMapping("/users/{username}/unlock")
    String unlock(@PathVariable String username, Authentication caller, RedirectAttributes redirect) {
        return change(username, new AccountManagement.AccountChange(null, null, null, null, true, null),
                "users.unlocked.done", caller, redirect);
    }

    @PostMapping("/users/{username}/reset-two-factor")
    String resetTwoFactor(@PathVariable String username, Authentication caller, RedirectAttributes redirect) {
        return change(username, new AccountManagement.AccountChange(null, null, null, null, null, true),
                "users.twoFactorReset.done", caller, redirect);
    }

    private String change(String username, AccountManagement.AccountChange change, String done,
                          Authentication caller, RedirectAttributes redirect) {
        try {
            administration.change(username, change, caller.getName());
            redirect.addFlashAttribute("done", done);
            redirect.addFlashAttribute("doneName", username);
        } catch (Rejection e) {
            redirect.addFlashAttribute("failed", fieldErrors(e).containsKey("enabled") ? "users.error.self"
                    : problem(e).equals("not-found") ? "users.error.notFound" : "users.error.other");
        }
        return "redirect:/users";
    }

    private static Map<String, String> fieldErrors(Rejection e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Rejection.Field f : e.fields()) {
            if (f.message() != null && f.message().contains("your own")) {
                errors.put(f.field().startsWith("jurisdiction") ? "authority" : f.field().equals("roles") ? "roles"
                        : "enabled", "users.error.self");
                continue;
            }
            switch (f.field()) {
                case "username" -> errors.put("username", "users.error.username");
                case "password" -> errors.put("password", "users.error.password");
                case "roles" -> errors.put("roles", "users.error.roles");
                case "jurisdiction", "jurisdiction.authority" -> errors.put("authority", "users.error.authority");
                case "jurisdiction.governorates" -> errors.put("governorates", "users.error.governorates");
                case "jurisdiction.borderPoints" -> errors.put("borderPoints", "users.error.borderPoints");
                case "enabled", "resetTwoFactor" -> errors.put("enabled", "users.error.self");
                default -> errors.putIfAbsent("username", "users.error.other");
            }
        }
        return errors;
    }

    private static String problem(Rejection e) {
        return e.code();
    }
}
