package org.manfadh.access.internal;

import java.io.IOException;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Ends a screen session whose account has changed since it signed in: disabled, other roles,
 * another jurisdiction, a new password or second factor. Every request of a session asks the
 * database for the account's version (one primary-key read), so the change holds at once on every
 * server sharing the database, where a registry of sessions in one server's memory would not. The
 * session is invalidated and the request goes on unauthenticated, to be sent to the sign-in page.
 */
class AccountVersionCheck extends OncePerRequestFilter {

    private final UserAccounts accounts;

    AccountVersionCheck(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /** Whether a signed-in principal still holds: its account is enabled and has the version it signed in with. */
    static boolean current(UserAccounts accounts, Authentication authentication) {
        if (!(authentication.getPrincipal() instanceof SignedInAccount account)) {
            return true;
        }
        return accounts.enabledVersion(account.getUsername()).map(v -> v == account.version()).orElse(false);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && !current(accounts, authentication)) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }
}
