package org.manfadh.access.web;

import org.manfadh.access.AccountManagement;
import org.manfadh.access.AccountManagement.AccountChange;
import org.manfadh.access.AccountManagement.AccountView;
import org.manfadh.access.AccountManagement.NewAccount;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;
import org.manfadh.platform.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasRole('ADMIN')")
class AccountController {

    private final AccountManagement accounts;

    AccountController(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "The accounts, by username, with roles, jurisdiction and lock-out state; paged")
    @GetMapping
    Page<AccountView> accounts(@RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size) {
        return accounts.page(PageRequest.of(page, size));
    }

    @Operation(summary = "One account")
    @GetMapping("/{username}")
    AccountView account(@PathVariable String username) {
        return accounts.get(username);
    }

    @Operation(summary = "A new account: username, password (12 characters or more), roles and jurisdiction")
    @ProblemResponses({409})
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AccountView create(@RequestBody NewAccount request) {
        return accounts.create(request);
    }

    @Operation(summary = "Change an account's roles, jurisdiction, password or whether it is enabled; "
            + "unlock: true lifts a lock-out")
    @PatchMapping("/{username}")
    AccountView change(@PathVariable String username, @RequestBody AccountChange request,
                       Authentication caller) {
        return accounts.change(username, request, caller.getName());
    }
}
