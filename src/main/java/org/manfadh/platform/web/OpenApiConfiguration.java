package org.manfadh.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import org.manfadh.platform.ProblemResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * What {@code /v3/api-docs} says beyond the operations themselves: how to authenticate (HTTP Basic,
 * with the second factor's code in {@code X-Manfadh-OTP} for accounts that have one; the screens'
 * session cookie is described, not declared as a scheme, since no operation here takes it and a
 * scheme no operation uses is an unused component), and what fails, as {@code application/problem+json} responses on every operation. The 4xx responses of
 * an operation follow from what it is: 401 and 429 for all, 400 where it takes parameters or a body, 403
 * where it names the roles that may call it, 404 where its path names a record, and those its
 * method declares with {@link ProblemResponses}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BASIC = "basicAuth";
    static final String SECOND_FACTOR = "secondFactor";
    static final String OTP_HEADER = "X-Manfadh-OTP";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    /** A response component: its name under components/responses, and what it means. */
    private record Named(String name, String description) {
    }

    /** Response components by status, each an application/problem+json body. */
    private static final Map<Integer, Named> PROBLEMS = problems();

    private static Map<Integer, Named> problems() {
        Map<Integer, Named> p = new LinkedHashMap<>();
        p.put(400, new Named("BadRequest", "The request is malformed or has invalid values "
                + "(`invalid-fields` names each field at fault, `invalid-parameter` the parameter); nothing changed."));
        p.put(401, new Named("Unauthorized", "No valid HTTP Basic credentials (`unauthenticated`); the "
                + "account is locked after failed sign-ins (`account-locked`); or the account signs in with a second "
                + "factor and the request's `" + OTP_HEADER + "` header is missing (`second-factor-required`), wrong "
                + "or used already (`second-factor-rejected`), or the account's roles need a second factor it has "
                + "not set up yet (`second-factor-not-enrolled`: set it up once on the screens)."));
        p.put(403, new Named("Forbidden", "The account's roles or jurisdiction do not allow this request "
                + "(`forbidden`); nothing changed."));
        p.put(404, new Named("NotFound", "No such record, or none within the caller's jurisdiction (`not-found`)."));
        p.put(409, new Named("Conflict", "The request conflicts with the record as it stands (the problem's "
                + "type says how, such as `id-conflict` or `watchlist-hit-open`); nothing changed."));
        p.put(413, new Named("ContentTooLarge", "The body is larger than this operation takes; nothing changed."));
        p.put(415, new Named("UnsupportedMediaType", "The body's content type is not one this operation reads; "
                + "nothing changed."));
        p.put(429, new Named("TooManySignIns", "Too many failed sign-ins came from the caller's address "
                + "(`too-many-sign-ins`): wait the seconds `Retry-After` gives before the next attempt. The account "
                + "itself is not locked by it."));
        p.put(422, new Named("UnprocessableContent", "The request is well formed but its content cannot be "
                + "accepted (a document that fails validation, an invalid list entry); nothing changed."));
        return p;
    }

    @Bean
    OpenAPI manfadhOpenApi() {
        Components components = new Components()
                .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("Every operation under /api: the username and password of an enabled "
                                + "account, on every request (stateless: no session, no CSRF token)."))
                .addSecuritySchemes(SECOND_FACTOR, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER).name(OTP_HEADER)
                        .description("With HTTP Basic, for an account that signs in with a second factor (required "
                                + "for administrators, watchlist managers and analysts outside demo mode): the "
                                + "six-digit code its authenticator app shows now (RFC 6238 TOTP, 30-second steps). "
                                + "A code is taken once."))

                .addSchemas(PROBLEM, problemSchema());
        PROBLEMS.forEach((status, named) -> {
            ApiResponse response = new ApiResponse().description(named.description()).content(new Content()
                    .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM))));
            if (status == 401) {
                response.addHeaderObject("WWW-Authenticate", new Header()
                        .description("`Basic realm=\"Manfadh\"`").schema(new StringSchema()));
            }
            if (status == 429) {
                response.addHeaderObject("Retry-After", new Header()
                        .description("Seconds to wait before the next sign-in attempt").schema(new IntegerSchema()));
            }
            components.addResponses(named.name(), response);
        });
        return new OpenAPI()
                .info(new Info().title("Manfadh API").version("v1")
                        .description("The border management information system's API. Every operation needs "
                                + "an account: HTTP Basic on every request (stateless: no session, no CSRF token). "
                                + "The officers' screens sign in at /login instead and keep a session cookie "
                                + "(JSESSIONID: HttpOnly, SameSite=Lax, Secure over HTTPS), which operations "
                                + "under /api do not take. Errors are RFC 9457 problems "
                                + "(`application/problem+json`) whose `type` is a stable URN "
                                + "(`urn:manfadh:problem:…`) to branch on."))
                .servers(List.of(new Server().url("/").description("This server")))
                .components(components);
    }

    private static Schema<?> problemSchema() {
        Schema<?> field = new ObjectSchema()
                .addProperty("field", new StringSchema().description("The field at fault, as a JSON path"))
                .addProperty("message", new StringSchema().description("What is wrong with it"));
        return new ObjectSchema()
                .description("An RFC 9457 problem. Some types add properties of their own (`fields`, "
                        + "`parameter`, `line`, `element` …).")
                .addProperty("type", new StringSchema().format("uri").example("urn:manfadh:problem:not-found")
                        .description("The kind of problem, stable: clients branch on it"))
                .addProperty("title", new StringSchema().description("A short summary of the kind of problem"))
                .addProperty("status", new IntegerSchema().description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What went wrong this time, for people"))
                .addProperty("instance", new StringSchema().format("uri-reference")
                        .description("The request's path"))
                .addProperty("fields", new ArraySchema().items(field)
                        .description("For `invalid-fields`: every field at fault"))
                .required(List.of("type", "title", "status"));
    }

    @Bean
    OperationCustomizer problemResponses() {
        return (operation, handler) -> {
            // Either HTTP Basic alone, or with the second factor's code for an account that has one.
            operation.setSecurity(List.of(new SecurityRequirement().addList(BASIC),
                    new SecurityRequirement().addList(BASIC).addList(SECOND_FACTOR)));
            for (int status : statuses(operation, handler)) {
                operation.getResponses().addApiResponse(String.valueOf(status),
                        new ApiResponse().$ref("#/components/responses/" + PROBLEMS.get(status).name()));
            }
            return operation;
        };
    }

    static SortedSet<Integer> statuses(Operation operation, HandlerMethod handler) {
        SortedSet<Integer> statuses = new TreeSet<>(List.of(401, 429));
        boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (parameters || operation.getRequestBody() != null || takesRawBody(handler)) {
            statuses.add(400);
        }
        if (AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PreAuthorize.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PreAuthorize.class)) {
            statuses.add(403);
        }
        if (parameters && operation.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()))) {
            statuses.add(404);
        }
        ProblemResponses declared = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(),
                ProblemResponses.class);
        if (declared != null) {
            for (int status : declared.value()) {
                statuses.add(status);
            }
        }
        for (int status : statuses) {
            if (!PROBLEMS.containsKey(status)) {
                throw new IllegalStateException(handler + " declares problem status " + status
                        + ", which the OpenAPI document does not describe yet: add it to OpenApiConfiguration.");
            }
        }
        return statuses;
    }

    /** Operations that read the request's stream themselves (sync batches) take a body springdoc cannot see. */
    private static boolean takesRawBody(HandlerMethod handler) {
        return java.util.Arrays.stream(handler.getMethod().getParameterTypes())
                .anyMatch(jakarta.servlet.http.HttpServletRequest.class::isAssignableFrom);
    }
}
