package org.manfadh.access.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import org.manfadh.access.Role;
import org.manfadh.access.web.ApiSignInProblems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
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
        ApiSignInProblems problems = new ApiSignInProblems(json);
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            if (e instanceof SignInThrottledException throttled) {
                problems.tooManySignIns(request, response, throttled.retryAfterSeconds());
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"Manfadh\"");
            if (e instanceof SecondFactorException second) {
                switch (second.kind()) {
                    case MISSING -> problems.secondFactorRequired(request, response, SignInDetails.OTP_HEADER);
                    case REJECTED -> problems.secondFactorRejected(request, response, SignInDetails.OTP_HEADER);
                    case NOT_ENROLLED -> problems.secondFactorNotEnrolled(request, response);
                }
                return;
            }
            if (e instanceof org.springframework.security.authentication.LockedException) {
                problems.accountLocked(request, response);
                return;
            }
            problems.unauthenticated(request, response);
        };
        AccessDeniedHandler denied = (request, response, e) -> problems.forbidden(request, response);
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
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
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
}
