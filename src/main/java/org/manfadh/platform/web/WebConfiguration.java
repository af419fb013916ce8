package org.manfadh.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The screens speak English, Arabic and Central Kurdish: {@code ?lang=en|ar|ckb} on any URL switches,
 * a cookie remembers the choice, and the browser's preference decides the first visit.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("ar"),
            Locale.forLanguageTag("ckb"));

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("manfadh-lang");
        resolver.setDefaultLocaleFunction(request -> {
            Locale preferred = request.getLocale();
            return LANGUAGES.stream().filter(l -> l.getLanguage().equals(preferred.getLanguage())).findFirst()
                    .orElse(Locale.ENGLISH);
        });
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor() {
            @Override
            public boolean preHandle(jakarta.servlet.http.HttpServletRequest request,
                                     jakarta.servlet.http.HttpServletResponse response, Object handler)
                    throws jakarta.servlet.ServletException {
                String lang = request.getParameter(getParamName());
                // Only the three languages of the interface; anything else is ignored, not an error.
                if (lang != null && LANGUAGES.stream().noneMatch(l -> l.getLanguage().equals(lang))) {
                    return true;
                }
                return super.preHandle(request, response, handler);
            }
        };
        interceptor.setParamName("lang");
        registry.addInterceptor(interceptor);
    }
}
