package org.manfadh.access.web;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.manfadh.access.AuditLogbook;
import org.manfadh.platform.Page;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import tools.jackson.databind.JsonNode;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Records every change (any request that is not a GET, HEAD or OPTIONS) with its outcome, and every
 * read of a traveller's personal data through the API. A read is recorded before its body is
 * written: if the record cannot be stored, the data is not sent. The ids of the records concerned
 * come from the path and from the response ({@code id}, {@code travellerId} and {@code crossingId} of
 * the body, or of each item of a page). The screens that show personal data are recorded the same
 * way, from their model, before their view is rendered.
 */
@ControllerAdvice
class RequestAuditing implements HandlerInterceptor, ResponseBodyAdvice<Object>, WebMvcConfigurer {

    /** Reads that return travellers' personal data: method and path pattern as mapped. */
    static final Set<String> PERSONAL_DATA_READS = Set.of(
            "GET /api/v1/travellers", "GET /api/v1/travellers/{id}", "GET /api/v1/crossings",
            "GET /api/v1/crossings/{id}", "GET /api/v1/overstays", "GET /api/v1/visas/{id}",
            "GET /api/v1/groups/{id}", "GET /api/v1/screening/hits", "GET /api/v1/screening/hits/{id}",
            "POST /api/v1/screening/check",
            // A post taking back its border point's crossings reads them all; the trail names who read what.
            "GET /api/v1/sync/records", "GET /api/v1/audit");

    /**
     * Screens that show travellers' personal data: method and path pattern as mapped. The read is
     * recorded once the handler has filled the model and before the view is rendered, with the ids
     * of the records in the model ({@code id}, {@code travellerId} and {@code crossingId} of each
     * attribute, of each item of a page or list, and of a traveller's crossings).
     */
    static final Set<String> SCREEN_READS = Set.of(
            "GET /travellers", "GET /travellers/{id}", "GET /overstays", "GET /second-line",
            "GET /second-line/hits", "GET /crossings/{id}/refusal-notice", "GET /crossings/{id}/correct",
            "POST /inspection/read", "POST /inspection/manual", "POST /inspection/decide", "GET /inspection/groups",
            "GET /inspection/groups/{id}", "POST /inspection/groups/{id}/members", "POST /inspection/groups/{id}/decision");

    /** Screen reads that also change records: recorded as a read and, when done, as a change. */
    private static final Set<String> CHANGING_SCREENS = Set.of("POST /inspection/decide",
            "POST /inspection/groups/{id}/members", "POST /inspection/groups/{id}/decision");

    private static final Pattern UUID_IN_PATH = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String IDS = RequestAuditing.class.getName() + ".ids";
    private static final String DONE = RequestAuditing.class.getName() + ".done";
    private static final String SCREEN_READ_DONE = RequestAuditing.class.getName() + ".screenReadDone";

    private static final ClassValue<List<Method>> ID_ACCESSORS = new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
            List<Method> accessors = new ArrayList<>();
            if (type.isRecord()) {
                for (RecordComponent c : type.getRecordComponents()) {
                    if ((c.getName().equals("id") || c.getName().equals("travellerId")
                            || c.getName().equals("crossingId"))
                            && c.getType() == java.util.UUID.class) {
                        c.getAccessor().setAccessible(true);
                        accessors.add(c.getAccessor());
                    }
                }
            }
            return List.copyOf(accessors);
        }
    };

    private static final ClassValue<List<Method>> JSON_ACCESSORS = new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
            List<Method> accessors = new ArrayList<>();
            if (type.isRecord()) {
                for (RecordComponent c : type.getRecordComponents()) {
                    if (c.getName().equals("crossing") && JsonNode.class.isAssignableFrom(c.getType())) {
                        c.getAccessor().setAccessible(true);
                        accessors.add(c.getAccessor());
                    }
                }
            }
            return List.copyOf(accessors);
        }
    };

    private final AuditLogbook audit;

    RequestAuditing(AuditLogbook audit) {
        this.audit = audit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/css/**", "/fonts/**", "/img/**", "/webjars/**",
                "/favicon.ico", "/error");
    }

    private static boolean isChange(HttpServletRequest request) {
        String method = request.getMethod();
        return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }

    private static boolean isPersonalRead(HttpServletRequest request) {
        return PERSONAL_DATA_READS.contains(mapping(request));
    }

    private static boolean isScreenRead(HttpServletRequest request) {
        return SCREEN_READS.contains(mapping(request));
    }

    private static String mapping(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return pattern == null ? "" : request.getMethod() + " " + pattern;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView modelAndView) {
        if (!isScreenRead(request) || modelAndView == null || request.getAttribute(SCREEN_READ_DONE) != null) {
            return;
        }
        Set<String> ids = new LinkedHashSet<>(idsOf(request));
        for (Object value : modelAndView.getModel().values()) {
            if (value instanceof Collection<?> items) {
                items.forEach(item -> collectOne(item, ids));
            } else {
                collect(value, ids);
            }
        }
        // Before the view is rendered: no record, no screen.
        request.setAttribute(SCREEN_READ_DONE, Boolean.TRUE);
        int status = response.getStatus();
        record(request, AuditLogbook.Action.READ_PERSONAL_DATA, ids, status);
        if (!CHANGING_SCREENS.contains(mapping(request))) {
            request.setAttribute(DONE, Boolean.TRUE);
        }
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (!(request instanceof ServletServerHttpRequest servletRequest)) {
            return body;
        }
        HttpServletRequest http = servletRequest.getServletRequest();
        boolean read = isPersonalRead(http);
        if (!read && !isChange(http)) {
            return body;
        }
        Set<String> ids = idsOf(http);
        collect(body, ids);
        if (read && http.getAttribute(DONE) == null) {
            int status = response instanceof ServletServerHttpResponse r ? r.getServletResponse().getStatus() : 200;
            // Before the body is written: no record, no data.
            write(http, AuditLogbook.Action.READ_PERSONAL_DATA, ids, status);
        }
        return body;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        if (request.getAttribute(DONE) != null) {
            return;
        }
        int status = ex != null && response.getStatus() < 400 ? 500 : response.getStatus();
        // A screen that failed before its view (not found, refused) was still asked for.
        if (isScreenRead(request) && request.getAttribute(SCREEN_READ_DONE) == null) {
            request.setAttribute(SCREEN_READ_DONE, Boolean.TRUE);
            record(request, AuditLogbook.Action.READ_PERSONAL_DATA, idsOf(request), status);
            if (!CHANGING_SCREENS.contains(mapping(request))) {
                return;
            }
        }
        boolean read = isPersonalRead(request);
        if (!read && !isChange(request)) {
            return;
        }
        write(request, read ? AuditLogbook.Action.READ_PERSONAL_DATA : AuditLogbook.Action.CHANGE, idsOf(request), status);
    }

    private void write(HttpServletRequest request, AuditLogbook.Action action, Collection<String> ids, int status) {
        request.setAttribute(DONE, Boolean.TRUE);
        record(request, action, ids, status);
    }

    private void record(HttpServletRequest request, AuditLogbook.Action action, Collection<String> ids, int status) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        String username = user == null || user instanceof AnonymousAuthenticationToken ? null : user.getName();
        audit.record(action, username, request.getRemoteAddr(), request.getMethod() + " " + request.getRequestURI(),
                ids, status);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> idsOf(HttpServletRequest request) {
        Set<String> ids = (Set<String>) request.getAttribute(IDS);
        if (ids == null) {
            ids = new LinkedHashSet<>();
            Matcher m = UUID_IN_PATH.matcher(request.getRequestURI());
            while (m.find()) {
                ids.add(m.group().toLowerCase(java.util.Locale.ROOT));
            }
            request.setAttribute(IDS, ids);
        }
        return ids;
    }

    private static void collect(Object body, Set<String> ids) {
        if (body instanceof Page<?> page) {
            for (Object item : page.content()) {
                if (ids.size() >= AuditLogbook.MAX_RECORD_IDS) {
                    return;
                }
                collectOne(item, ids);
            }
        } else if (body != null) {
            collectOne(body, ids);
            // A traveller's view lists its crossings: reading it reads them.
            for (Method accessor : listAccessors(body.getClass())) {
                try {
                    if (accessor.invoke(body) instanceof Collection<?> items) {
                        for (Object item : items) {
                            collectOne(item, ids);
                        }
                    }
                } catch (ReflectiveOperationException e) {
                    // An id not collected does not stop the record.
                }
            }
        }
    }

    private static List<Method> listAccessors(Class<?> type) {
        return LIST_ACCESSORS.get(type);
    }

    private static final ClassValue<List<Method>> LIST_ACCESSORS = new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
            List<Method> accessors = new ArrayList<>();
            if (type.isRecord()) {
                for (RecordComponent c : type.getRecordComponents()) {
                    if ((c.getName().equals("crossings") || c.getName().equals("records"))
                            && Collection.class.isAssignableFrom(c.getType())) {
                        c.getAccessor().setAccessible(true);
                        accessors.add(c.getAccessor());
                    }
                }
            }
            return List.copyOf(accessors);
        }
    };

    private static void collectOne(Object item, Set<String> ids) {
        if (item == null) {
            return;
        }
        // Records passed on as JSON (a post's crossings taken back): the id of each.
        for (Method accessor : JSON_ACCESSORS.get(item.getClass())) {
            try {
                if (accessor.invoke(item) instanceof JsonNode node) {
                    // An exported crossing holds its parts by name: the crossing itself and its traveller.
                    for (JsonNode part : List.of(node, node.path("crossing"), node.path("traveller"))) {
                        if (part.get("id") instanceof JsonNode id && id.isString()) {
                            ids.add(id.asString());
                        }
                    }
                }
            } catch (ReflectiveOperationException e) {
                // An id not collected does not stop the record.
            }
        }
        for (Method accessor : ID_ACCESSORS.get(item.getClass())) {
            try {
                Object id = accessor.invoke(item);
                if (id != null) {
                    ids.add(id.toString());
                }
            } catch (ReflectiveOperationException e) {
                // An id not collected does not stop the record.
            }
        }
    }
}
