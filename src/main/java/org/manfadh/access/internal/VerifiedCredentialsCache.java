package org.manfadh.access.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Remembers credentials it has verified for a short time, so that a client calling the API many
 * times a second with HTTP Basic does not pay for an adaptive password hash on every request.
 * Only successful sign-ins are remembered, under a keyed hash of the password that exists only in
 * this process's memory. A remembered sign-in is used only while the account is enabled and its
 * version is the one it was verified under (a question to the database, far cheaper than the
 * hash), so a changed or disabled account takes effect at its next request on every server.
 * When a remembered sign-in expires while many requests with the same credentials are in flight,
 * one of them verifies the password and the others wait for its answer, rather than every one of
 * them computing the same hash at once.
 */
class VerifiedCredentialsCache implements AuthenticationProvider {

    private static final int MAX_ENTRIES = 10_000;

    private record Verified(Authentication authentication, long expiresAtMillis) {
    }

    private final AuthenticationProvider delegate;
    private final Duration timeToLive;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Authentication>> verifying = new ConcurrentHashMap<>();
    private final Predicate<Authentication> current;

    VerifiedCredentialsCache(AuthenticationProvider delegate, Duration timeToLive, Clock clock) {
        this(delegate, timeToLive, clock, authentication -> true);
    }

    /** With {@code current} telling whether a remembered sign-in still holds for its account as it is now. */
    VerifiedCredentialsCache(AuthenticationProvider delegate, Duration timeToLive, Clock clock,
                             Predicate<Authentication> current) {
        this.delegate = delegate;
        this.current = current;
        this.timeToLive = timeToLive;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (timeToLive.isZero() || !(authentication.getCredentials() instanceof String password)) {
            return delegate.authenticate(authentication);
        }
        // The way in and a second-factor code are part of what was verified: a password verified on
        // the sign-in form (whose code is asked for afterwards) is no answer for HTTP Basic.
        String way = authentication.getDetails() instanceof SignInDetails details
                ? (details.form() ? "form\u0000" : "basic\u0000" + (details.otp() == null ? "" : details.otp()))
                : "";
        String cacheKey = cacheKey(authentication.getName(), way + "\u0000" + password);
        long now = clock.millis();
        Verified hit = verified.get(cacheKey);
        if (hit != null && hit.expiresAtMillis() > now) {
            if (current.test(hit.authentication())) {
                return hit.authentication();
            }
            verified.remove(cacheKey, hit);
        }
        CompletableFuture<Authentication> mine = new CompletableFuture<>();
        CompletableFuture<Authentication> running = verifying.putIfAbsent(cacheKey, mine);
        if (running != null) {
            return awaitOther(running);
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            if (result != null && result.isAuthenticated()) {
                remember(cacheKey, result, now);
            }
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            verifying.remove(cacheKey, mine);
        }
    }

    private static Authentication awaitOther(CompletableFuture<Authentication> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void remember(String cacheKey, Authentication result, long now) {
        if (verified.size() >= MAX_ENTRIES) {
            verified.values().removeIf(v -> v.expiresAtMillis() <= now);
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
        }
        verified.put(cacheKey, new Verified(result, now + timeToLive.toMillis()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Forgets an account's remembered sign-ins, when it changes. */
    void forget(String username) {
        verified.keySet().removeIf(k -> k.startsWith(username + "\u0000"));
    }

    private String cacheKey(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((username + "\u0000" + password).getBytes(StandardCharsets.UTF_8));
            return username + "\u0000" + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
