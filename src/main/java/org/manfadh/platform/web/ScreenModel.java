package org.manfadh.platform.web;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** What every screen's layout shows besides its own content: who is signed in and what they may open. */
@Component
class ScreenModel implements WebMvcConfigurer {

    /** The signed-in user as the layout sees it; {@code roles} without the {@code ROLE_} prefix. */
    public record SignedIn(String username, Set<String> roles) {

        public boolean has(String role) {
            return roles.contains(role) || roles.contains("ADMIN");
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                                   ModelAndView view) {
                if (view == null || view.getViewName() != null && view.getViewName().startsWith("redirect:")) {
                    return;
                }
                Authentication user = SecurityContextHolder.getContext().getAuthentication();
                if (user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken)) {
                    view.addObject("signedIn", new SignedIn(user.getName(), user.getAuthorities().stream()
                            .map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_"))
                            .map(a -> a.substring(5)).collect(Collectors.toUnmodifiableSet())));
                }
            }
        }).excludePathPatterns("/api/**", "/actuator/**");
    }
}
