package org.manfadh.access.internal;

import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a sign-in came from: the client address, whether it is the sign-in form (whose second
 * factor is asked for on a page of its own) or HTTP Basic, and the code sent in
 * {@value #OTP_HEADER} with HTTP Basic.
 */
class SignInDetails extends WebAuthenticationDetails {

    static final String OTP_HEADER = "X-Manfadh-OTP";

    private final boolean form;
    private final String otp;

    SignInDetails(HttpServletRequest request, boolean form) {
        super(request);
        this.form = form;
        String header = form ? null : request.getHeader(OTP_HEADER);
        this.otp = header == null || header.length() > 16 ? header == null ? null : "" : header.strip();
    }

    boolean form() {
        return form;
    }

    String otp() {
        return otp;
    }

    static AuthenticationDetailsSource<HttpServletRequest, SignInDetails> source(boolean form) {
        return request -> new SignInDetails(request, form);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignInDetails that && super.equals(that) && form == that.form
                && java.util.Objects.equals(otp, that.otp);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(super.hashCode(), form, otp);
    }
}
