package org.manfadh.bordercontrol.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.manfadh.bordercontrol.Caller;
import org.manfadh.bordercontrol.Direction;
import org.manfadh.bordercontrol.policy.CheckFacts;
import org.manfadh.bordercontrol.policy.Refusal;
import org.manfadh.document.MrzProblem;
import org.manfadh.document.MrzProblemCode;
import org.manfadh.platform.Rejection;
import org.manfadh.referencedata.ReferenceData;
import org.manfadh.referencedata.RefusalReason;
import org.manfadh.screening.ScreeningResult;

/** Between the crossing policy and the register: the facts it is given, and its refusals as the API answers them. */
final class Refusals {

    private Refusals() {
    }

    /** A reason code as given, with whether the reference data knows it and whether it applies to the direction. */
    static CheckFacts.Reason reason(ReferenceData referenceData, String code, Direction direction) {
        String given = Texts.blankToNull(code);
        if (given == null) {
            return null;
        }
        RefusalReason reason = referenceData.refusalReason(given.toUpperCase(Locale.ROOT)).orElse(null);
        return new CheckFacts.Reason(given, reason != null,
                reason != null && (direction == null || reason.appliesTo(direction.name())));
    }

    static CheckFacts.Officer officer(Caller caller) {
        return new CheckFacts.Officer(caller.isSupervisor(), caller.roles());
    }

    static CheckFacts.Screened screened(ScreeningResult result) {
        return switch (result.outcome()) {
            case CLEAR -> CheckFacts.Screened.CLEAR;
            case POSSIBLE_MATCH -> CheckFacts.Screened.POSSIBLE_MATCH;
            case HIT -> CheckFacts.Screened.HIT;
        };
    }

    /** A policy's refusal as the domain exception the web layer answers. */
    static Rejection rejection(Refusal refusal, DocumentReading doc) {
        return switch (refusal) {
            case Refusal.InvalidField f -> Rejection.invalidField(f.field(), f.message());
            case Refusal.NotAllowed n -> Rejection.forbidden(n.detail());
            case Refusal.StateBars s -> Rejection.conflict(s.code(), s.detail());
            case Refusal.DocumentBars d -> {
                Rejection r = Rejection.unprocessable(d.code(), "Document fails validation", d.detail());
                if (doc == null) {
                    yield r;
                }
                List<MrzProblem> problems = new ArrayList<>(doc.errors());
                doc.warnings().stream().filter(w -> w.code() == MrzProblemCode.DOCUMENT_EXPIRED).forEach(problems::add);
                yield r.with("problems", problems);
            }
        };
    }

    static Rejection rejection(List<? extends Refusal> refusals) {
        if (refusals.stream().allMatch(Refusal.InvalidField.class::isInstance)) {
            return Rejection.invalidFields(refusals.stream().map(Refusal.InvalidField.class::cast)
                    .map(f -> new Rejection.Field(f.field(), f.message())).toList());
        }
        return rejection(refusals.getFirst(), null);
    }
}
