package org.manfadh.access.internal;

import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The language a user picks ({@code ?lang=en|ar|ckb}) is remembered with the account, so that an
 * officer who signs in at another booth gets the screens in the language chosen last; the cookie
 * remembers it for the browser as before.
 */
@Component
class LanguagePreferences implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(LanguagePreferences.class);
    static final Set<String> LANGUAGES = Set.of("en", "ar", "ckb");

    private final UserPreferences preferences;
    private final LocaleResolver locales;

    LanguagePreferences(UserPreferences preferences, LocaleResolver locales) {
        this.preferences = preferences;
        this.locales = locales;
    }

    /** At sign-in: the user's stored language wins over the browser's; none stored keeps what the browser has. */
    void applyAtSignIn(HttpServletRequest request, HttpServletResponse response, String username) {
        try {
            preferences.language(username).filter(LANGUAGES::contains)
                    .ifPresent(language -> locales.setLocale(request, response, Locale.forLanguageTag(language)));
        } catch (DataAccessException e) {
            log.warn("Could not read the language preference of {}: {}", username, e.getMessage());
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String language = request.getParameter("lang");
                Authentication user = SecurityContextHolder.getContext().getAuthentication();
                if (language != null && LANGUAGES.contains(language) && user != null && user.isAuthenticated()
                        && !(user instanceof AnonymousAuthenticationToken)) {
                    preferences.saveLanguage(user.getName(), language);
                }
                return true;
            }
        }).excludePathPatterns("/api/**");
    }
}
