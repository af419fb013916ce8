package org.manfadh.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

class VerifiedCredentialsCacheTests {

    private final AtomicInteger verifications = new AtomicInteger();
    private Instant now = Instant.parse("2026-11-28T10:00:00Z");

    private final AuthenticationProvider passwords = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication a) {
            verifications.incrementAndGet();
            if (!"right".equals(a.getCredentials())) {
                throw new BadCredentialsException("wrong");
            }
            return UsernamePasswordAuthenticationToken.authenticated(a.getName(), null,
                    List.of(new SimpleGrantedAuthority("ROLE_OFFICER")));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    };

    private final VerifiedCredentialsCache cache = new VerifiedCredentialsCache(passwords, Duration.ofSeconds(60),
            new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            });

    private Authentication signIn(String password) {
        return cache.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("officer", password));
    }

    @Test
    void verifiesAPasswordOnceWithinItsTimeToLive() {
        signIn("right");
        signIn("right");
        signIn("right");

        assertThat(verifications).hasValue(1);
    }

    @Test
    void verifiesAgainWhenTheTimeToLiveHasPassed() {
        signIn("right");
        now = now.plusSeconds(61);
        signIn("right");

        assertThat(verifications).hasValue(2);
    }

    @Test
    void neverRemembersAWrongPassword() {
        assertThatThrownBy(() -> signIn("wrong")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn("wrong")).isInstanceOf(BadCredentialsException.class);
        signIn("right");

        assertThat(verifications).hasValue(3);
    }

    @Test
    void doesNotLetAWrongPasswordRideOnARememberedRightOne() {
        signIn("right");

        assertThatThrownBy(() -> signIn("wrong")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void forgetsAnAccountWhenItChanges() {
        signIn("right");
        cache.forget("officer");
        signIn("right");

        assertThat(verifications).hasValue(2);
    }

    @Test
    void letsConcurrentSignInsWithTheSameCredentialsShareOneVerification() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger slowVerifications = new AtomicInteger();
        AuthenticationProvider slow = new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication a) {
                slowVerifications.incrementAndGet();
                started.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return passwords.authenticate(a);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return true;
            }
        };
        VerifiedCredentialsCache shared = new VerifiedCredentialsCache(slow, Duration.ofSeconds(60), Clock.systemUTC());
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Authentication>> answers = new ArrayList<>();
            answers.add(pool.submit(() -> shared.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated("officer", "right"))));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 7; i++) {
                answers.add(pool.submit(() -> shared.authenticate(
                        UsernamePasswordAuthenticationToken.unauthenticated("officer", "right"))));
            }
            Thread.sleep(200);
            release.countDown();
            for (Future<Authentication> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS).isAuthenticated()).isTrue();
            }
        }
        assertThat(slowVerifications).hasValue(1);
    }
}
