/**
 * What every module's web package shares: the API's problem+json ({@link ApiProblems}, a
 * refusal's answer in {@link Rejections}), the screens' model and formats. Only web packages use it.
 */
@org.springframework.modulith.NamedInterface("web")
package org.manfadh.platform.web;
