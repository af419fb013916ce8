package org.manfadh.bordercontrol.policy;

import java.util.Objects;

/** Why the policy will not let a request be recorded as asked. */
public sealed interface Refusal {

    /** A field of the request is wrong; every such field is reported at once. */
    record InvalidField(String field, String message) implements Refusal {
        public InvalidField {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }
    }

    /** The officer's roles do not allow what is asked. */
    record NotAllowed(String detail) implements Refusal {
    }

    /**
     * The document does not allow what is asked.
     *
     * @param code {@code document-unreadable} or {@code document-invalid}
     */
    record DocumentBars(String code, String detail) implements Refusal {
    }

    /** The crossing's state does not allow it (voided, say). */
    record StateBars(String code, String detail) implements Refusal {
    }
}
