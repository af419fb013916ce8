package org.manfadh.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem statuses an API operation may answer beyond those its shape already tells (401 for
 * every operation; 400 where it takes parameters or a body, 403 where it names the roles that may
 * call it, 404 where its path names a record): 409, 413, 415, 422 … Each is documented in the
 * OpenAPI document as an {@code application/problem+json} response, so a generated client knows them.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProblemResponses {

    /** HTTP statuses, such as {@code 409} or {@code 422}. */
    int[] value();
}
