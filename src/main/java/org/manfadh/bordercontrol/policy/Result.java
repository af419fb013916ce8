package org.manfadh.bordercontrol.policy;

import java.util.List;
import java.util.Objects;

/** What the policy allows, or every reason it refuses. */
public sealed interface Result<T> {

    record Allowed<T>(T value) implements Result<T> {
        public Allowed {
            Objects.requireNonNull(value, "value");
        }
    }

    record Refused<T>(List<? extends Refusal> refusals) implements Result<T> {
        public Refused {
            refusals = List.copyOf(refusals);
            if (refusals.isEmpty()) {
                throw new IllegalArgumentException("a refusal says why");
            }
        }
    }

    static <T> Result<T> allowed(T value) {
        return new Allowed<>(value);
    }

    static <T> Result<T> refused(Refusal refusal) {
        return new Refused<>(List.of(refusal));
    }

    static <T> Result<T> refused(List<? extends Refusal> refusals) {
        return new Refused<>(refusals);
    }
}
