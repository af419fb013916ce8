package org.manfadh.access.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import org.manfadh.access.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.manfadh.platform.ApiProblems;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what. The API ({@code /api/**}) is for scripts, border post nodes and other
 * agencies: stateless HTTP Basic, no session, no CSRF token, every failure as problem+json.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Adaptive hashing for stored passwords, behind the lock-out and the sign-in audit (see the
     * guard), with verified credentials remembered briefly (see the cache).
     */
    @Bean
    VerifiedCredentialsCache authenticationProvider(UserDetailsService users, PasswordEncoder passwords,
            @Value("${manfadh.security.verified-credentials-ttl:60s}") Duration timeToLive, Clock clock,
            UserAccounts accounts, AuditLog audit, SignInThrottle throttle, SignInFailures failures,
            TwoFactor twoFactor) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(passwords);
        SignInGuard guard = new SignInGuard(dao, accounts, throttle, failures, twoFactor, audit, clock);
        VerifiedCredentialsCache cache = new VerifiedCredentialsCache(guard, timeToLive, clock,
                authentication -> AccountVersionCheck.current(accounts, authentication));
        failures.onLock(cache::forget);
        return cache;
    }

    @Bean
    SignInFailures signInFailures(UserAccounts accounts, SignInThrottle throttle, AuditLog audit, Clock clock,
            @Value("${manfadh.security.lockout.max-failures:5}") int maxFailures,
            @Value("${manfadh.security.lockout.duration:15m}") Duration lockDuration) {
        return new SignInFailures(accounts, throttle, audit, clock, maxFailures, lockDuration);
    }

    @Bean
    SignInThrottle signInThrottle(org.springframework.jdbc.core.simple.JdbcClient jdbc, Clock clock,
            @Value("${manfadh.security.throttle.free-failures:10}") int freeFailures,
            @Value("${manfadh.security.throttle.first-delay:2s}") Duration firstDelay,
            @Value("${manfadh.security.throttle.max-delay:15m}") Duration maxDelay,
            @Value("${manfadh.security.throttle.forget-after:1h}") Duration forgetAfter) {
        return new SignInThrottle(jdbc, clock, freeFailures, firstDelay, maxDelay, forgetAfter);
    }

    /**
     * Spring Security would otherwise time every filter, every authentication and every
     * authorisation as its own observation, each with a long-task timer: a sizeable share of the
     * CPU an API call takes. Requests are still observed whole (http.server.requests).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    UserDetailsService userDetailsService(UserAccounts accounts, Clock clock) {
        // Lock-outs are per account and client address: the guard checks them, not the account.
        return username -> accounts.find(username)
                .map(a -> new SignedInAccount(a.username(), a.passwordHash(), a.enabled(),
                        a.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList(),
                        a.version()))
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, JsonMapper json) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            if (e instanceof SignInThrottledException throttled) {
                response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
                write(json, request, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-sign-ins",
                        "Too many failed sign-ins", "Too many failed sign-ins came from this address. Wait "
                                + throttled.retryAfterSeconds() + " seconds (Retry-After) before the next attempt.");
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"Manfadh\"");
            if (e instanceof SecondFactorException second) {
                switch (second.kind()) {
                    case MISSING -> write(json, request, response, HttpStatus.UNAUTHORIZED, "second-factor-required",
                            "Second factor required", "This account signs in with a second factor: send the code "
                                    + "its authenticator app shows now in the " + SignInDetails.OTP_HEADER + " header.");
                    case REJECTED -> write(json, request, response, HttpStatus.UNAUTHORIZED, "second-factor-rejected",
                            "Second factor rejected", "The code in " + SignInDetails.OTP_HEADER + " is wrong or was "
                                    + "used already: send the code the authenticator app shows now.");
                    case NOT_ENROLLED -> write(json, request, response, HttpStatus.UNAUTHORIZED,
                            "second-factor-not-enrolled", "Second factor not set up", "This account's roles need a "
                                    + "second factor: sign in on the screens once to set it up.");
                }
                return;
            }
            if (e instanceof org.springframework.security.authentication.LockedException) {
                write(json, request, response, HttpStatus.UNAUTHORIZED, "account-locked", "Account locked",
                        "This account is locked after too many failed sign-ins. Try again later, or ask an "
                                + "administrator to unlock it.");
                return;
            }
            write(json, request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                    "This API needs an account: send HTTP Basic credentials of a valid, enabled account.");
        };
        AccessDeniedHandler denied = (request, response, e) -> write(json, request, response, HttpStatus.FORBIDDEN,
                "forbidden", "Forbidden", "Your account's roles do not allow this request.");
        return http
                .securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated)
                        .authenticationDetailsSource(SignInDetails.source(false)))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                // Machine clients: nothing to save for a redirect after sign-in, no sign-out page.
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .build();
    }

    /**
     * The screens: form sign-in with a session (timeout {@code server.servlet.session.timeout}), CSRF
     * tokens on every form, sign-out, and the user's language applied at sign-in. HTTP Basic stays for
     * scrapers of the administrator's endpoints; an HTMX request whose session has expired is sent
     * to the sign-in page whole instead of having it swapped into a fragment.
     */
    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, LanguagePreferences languages, UserAccounts accounts,
            SecondFactorSignIn secondFactor) throws Exception {
        org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler signedIn =
                new org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler() {
                    @Override
                    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                            org.springframework.security.core.Authentication authentication)
                            throws IOException, jakarta.servlet.ServletException {
                        var askForCode = secondFactor.holdForSecondFactor(request, response, authentication.getName());
                        if (askForCode.isPresent()) {
                            getRedirectStrategy().sendRedirect(request, response, askForCode.get());
                            return;
                        }
                        languages.applyAtSignIn(request, response, authentication.getName());
                        super.onAuthenticationSuccess(request, response, authentication);
                    }
                };
        signedIn.setDefaultTargetUrl("/");
        AuthenticationEntryPoint htmxSignIn = (request, response, e) -> {
            response.setHeader("HX-Redirect", request.getContextPath() + "/login");
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
        };
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/", "/error", "/login", "/login/code", "/login/enrol", "/css/**", "/fonts/**",
                                "/img/**", "/js/**", "/webjars/**", "/favicon.ico", "/actuator/health", "/actuator/health/**",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/documents/check").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").successHandler(signedIn).failureHandler(signInFailed())
                        .authenticationDetailsSource(SignInDetails.source(true)).permitAll())
                .addFilterAfter(new AccountVersionCheck(accounts),
                        org.springframework.security.web.context.SecurityContextHolderFilter.class)
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
                .httpBasic(basic -> basic.realmName("Manfadh").authenticationDetailsSource(SignInDetails.source(false)))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(htmxSignIn,
                        new org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher("HX-Request", "true")))
                .headers(h -> h
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(API_DOCUMENTATION), new ContentSecurityPolicyHeaderWriter(SCREENS_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                API_DOCUMENTATION, new ContentSecurityPolicyHeaderWriter(API_DOCUMENTATION_POLICY)))
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /** Scripts and styles from the application's own files only: no inline script, event handler or style. */
    static final String SCREENS_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Swagger UI sets a style inline; its scripts are held to the screens' rule. */
    static final String API_DOCUMENTATION_POLICY = SCREENS_POLICY.replace("style-src 'self'",
            "style-src 'self' 'unsafe-inline'");

    private static final RequestMatcher API_DOCUMENTATION = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");

    /** A failed sign-in on the form: why, as far as the page may say. */
    private static org.springframework.security.web.authentication.AuthenticationFailureHandler signInFailed() {
        var handler = new org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler();
        handler.setExceptionMappings(java.util.Map.of(SignInThrottledException.class.getName(), "/login?throttled"));
        handler.setDefaultFailureUrl("/login?error");
        return handler;
    }

    private static void write(JsonMapper json, HttpServletRequest request, HttpServletResponse response,
                              HttpStatus status, String type, String title, String detail) throws IOException {
        ProblemDetail problem = ApiProblems.detail(status, type, title, detail);
        try {
            problem.setInstance(java.net.URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException unusualPath) {
            // The problem stands without an instance.
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
