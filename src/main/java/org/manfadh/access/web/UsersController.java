package org.manfadh.access.web;

import org.manfadh.access.internal.AccountListing;
import org.manfadh.platform.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Users and their roles, read-only, for administrators. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class UsersController {

    private final AccountListing accounts;

    UsersController(AccountListing accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/users")
    String users(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("users", accounts.page(new PageRequest(Math.max(page, 0), 50)));
        return "access/users";
    }
}
