package org.manfadh.bordercontrol.web;

import org.manfadh.platform.Ids;
import org.manfadh.platform.Rejection;
import org.springframework.security.core.context.SecurityContextHolder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.manfadh.bordercontrol.Decision;
import org.manfadh.bordercontrol.Direction;
import org.manfadh.bordercontrol.CrossingCommands.ManualDocument;
import org.manfadh.bordercontrol.CrossingCommands.RecordCrossing;
import org.manfadh.bordercontrol.BoothDesk;
import org.manfadh.bordercontrol.Caller;
import org.manfadh.bordercontrol.CrossingRecording;
import org.manfadh.bordercontrol.DocumentReadings;
import org.manfadh.bordercontrol.TravellerRegister;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.ReferenceData;
import org.manfadh.referencedata.RefusalReason;
import org.manfadh.screening.Screening;
import org.manfadh.screening.ScreeningOutcome;
import org.manfadh.screening.ScreeningResult;
import org.manfadh.screening.ScreeningSubject;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpSession;

/**
 * The primary line: the officer's booth. A document reader types the zone and Enter; the answer
 * (validity, screening, history and stay, decision buttons) comes back as one HTMX fragment, and
 * the decision is recorded through the same recorder and rules as the API.
 */
@Controller
@PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'ADMIN')")
class InspectionController {

    /** Where the dashboard opens when no border point is asked for. */
    static final String DEFAULT_POINT = "ZRB";
    private static final String POINT = "inspection.borderPoint";
    private static final String DIRECTION = "inspection.direction";
    private static final int MAX_MRZ = 1000;
    private static final int RECENT_CROSSINGS = 5;

    private final DocumentReadings inspections;
    private final Screening screening;
    private final BoothDesk booth;
    private final CrossingRecording recorder;
    private final ReferenceData referenceData;

    InspectionController(DocumentReadings inspections, Screening screening, BoothDesk booth, CrossingRecording recorder,
                         ReferenceData referenceData) {
        this.inspections = inspections;
        this.screening = screening;
        this.booth = booth;
        this.recorder = recorder;
        this.referenceData = referenceData;
    }

    /** The document as the decision form carries it back: the zone, or the typed fields. */
    record Presented(String mrz, ManualDocument manual) {
    }

    @GetMapping("/inspection")
    String screen(HttpSession session, Model model) {
        booth(session, model);
        return "inspection/screen";
    }

    @PostMapping("/inspection/read")
    String read(@RequestParam(defaultValue = "") String mrz, @RequestParam(required = false) String borderPoint,
                @RequestParam(required = false) Direction direction, HttpSession session, Model model,
                @RequestHeader(value = "HX-Request", required = false) String htmx) {
        remember(session, borderPoint, direction, model);
        booth(session, model);
        model.addAttribute("htmx", htmx != null);
        model.addAttribute("mrz", mrz);
        if (mrz.length() > MAX_MRZ) {
            model.addAttribute("tooLong", true);
        } else if (mrz.isBlank()) {
            model.addAttribute("empty", true);
        } else {
            present(model, inspections.read(mrz), new Presented(mrz, null));
        }
        return view(htmx);
    }

    @PostMapping("/inspection/manual")
    String manual(ManualForm form, @RequestParam(required = false) String borderPoint,
                  @RequestParam(required = false) Direction direction, HttpSession session, Model model,
                  @RequestHeader(value = "HX-Request", required = false) String htmx) {
        remember(session, borderPoint, direction, model);
        booth(session, model);
        model.addAttribute("htmx", htmx != null);
        ManualDocument document = form.document();
        model.addAttribute("manual", form);
        Map<String, String> tooLong = form.tooLong();
        DocumentReadings.Reading reading = tooLong.isEmpty() ? inspections.read(document) : null;
        if (reading == null || !reading.fieldErrors().isEmpty()) {
            model.addAttribute("manualErrors", reading == null ? tooLong : reading.fieldErrors());
            model.addAttribute("showManual", true);
            return view(htmx);
        }
        present(model, reading, new Presented(null, document));
        return view(htmx);
    }

    @PostMapping("/inspection/decide")
    String decide(@RequestParam UUID crossingId, @RequestParam Decision decision,
                  @RequestParam(required = false) String reasonCode, @RequestParam(required = false) String note,
                  @RequestParam(required = false) String mrz, ManualForm manual,
                  @RequestParam(required = false) String nameOriginalScript,
                  @RequestParam(defaultValue = "CLEAR") ScreeningOutcome screened, HttpSession session, Model model,
                  Authentication authentication, @RequestHeader(value = "HX-Request", required = false) String htmx) {
        booth(session, model);
        String point = (String) model.getAttribute("borderPoint");
        Direction direction = (Direction) model.getAttribute("direction");
        Presented presented = mrz != null && !mrz.isBlank() ? new Presented(mrz, null) : new Presented(null, manual.document());
        Map<String, String> errors = new LinkedHashMap<>();
        if (decision == Decision.REFUSED && (reasonCode == null || reasonCode.isBlank())) {
            errors.put("reasonCode", "decide.reasonRequired");
        }
        if (note != null && note.length() > 2000) {
            errors.put("note", "decide.noteTooLong");
        }
        if (nameOriginalScript != null && nameOriginalScript.strip().length() > 200) {
            errors.put("nameOriginalScript", "decide.nameTooLong");
        }
        if (decision == Decision.PENDING) {
            errors.put("decision", "decide.unknown");
        }
        if (point == null || !booth.mayWorkAt(Callers.of(authentication), point)) {
            // Said before anything is recorded, in the officer's language (the recorder would refuse it too).
            errors.put("decision", "booth.outsideJurisdiction");
            model.addAttribute("outsidePoint", point);
        }
        if (errors.isEmpty()) {
            // An officer who admits after seeing a possible match has reviewed it; a hit is referred by the recorder.
            boolean reviewed = decision == Decision.ADMITTED && screened == ScreeningOutcome.POSSIBLE_MATCH;
            RecordCrossing request = new RecordCrossing(crossingId, point, direction, null, null, presented.mrz(),
                    presented.manual(),
                    nameOriginalScript == null || nameOriginalScript.isBlank() ? null : nameOriginalScript.strip(),
                    null, null, decision,
                    decision == Decision.ADMITTED || reasonCode == null || reasonCode.isBlank() ? null : reasonCode,
                    note == null || note.isBlank() ? null : note.strip(), null, null, null, null, null, null, null,
                    reviewed ? Boolean.TRUE : null, null, null);
            try {
                CrossingRecording.Recorded recorded = recorder.record(request, Callers.of(authentication));
                model.addAttribute("recorded", recorded.crossing());
                model.addAttribute("asked", decision);
                return htmx != null ? "inspection/screen :: recorded" : "inspection/screen";
            } catch (Rejection e) {
                String key = problemKey(e);
                errors.put("decision", key);
                if (key.equals("decide.problem.other")) {
                    // Only a problem the screen has no words for is shown as the register says it.
                    model.addAttribute("problemDetail", e.detail());
                }
            }
        }
        DocumentReadings.Reading reading = presented.mrz() != null ? inspections.read(presented.mrz())
                : inspections.read(presented.manual());
        present(model, reading, presented);
        model.addAttribute("crossingId", crossingId);
        model.addAttribute("decisionErrors", errors);
        model.addAttribute("chosenReason", reasonCode);
        model.addAttribute("note", note);
        model.addAttribute("nameOriginalScript", nameOriginalScript);
        model.addAttribute("mrz", presented.mrz());
        return view(htmx);
    }

    private static String problemKey(Rejection e) {
        String name = e.code();
        return switch (name) {
            case "document-invalid", "document-unreadable", "invalid-fields", "forbidden", "id-conflict" ->
                    "decide.problem." + name;
            default -> "decide.problem.other";
        };
    }

    private static String view(String htmx) {
        return htmx != null ? "inspection/screen :: case" : "inspection/screen";
    }

    private void present(Model model, DocumentReadings.Reading reading, Presented presented) {
        model.addAttribute("reading", reading);
        model.addAttribute("presented", presented);
        if (!model.containsAttribute("crossingId")) {
            model.addAttribute("crossingId", Ids.newId());
        }
        if (!reading.identified()) {
            return;
        }
        // The officer's own jurisdiction limits what history is shown, as in the API; crossings it
        // hides are counted, not shown, and the flags come from the whole history, as the recording's do.
        Caller caller = Callers.of(SecurityContextHolder.getContext().getAuthentication());
        Direction direction = (Direction) model.getAttribute("direction");
        BoothDesk.Lookup lookup = booth.lookUp(reading, direction == null ? Direction.ENTRY : direction, caller);
        model.addAttribute("lookup", lookup);
        TravellerRegister.TravellerView traveller = lookup.traveller();
        if (traveller != null) {
            model.addAttribute("traveller", traveller);
            model.addAttribute("recentCrossings", traveller.crossings().stream().limit(RECENT_CROSSINGS).toList());
        }
        // Screened with the name in its own script known for the traveller: the decision form sends
        // the same name, so the recorder screens what the officer saw.
        ScreeningResult result = screening.check(ScreeningSubject.ofDocument(reading.surname(), reading.givenNames(),
                traveller == null ? null : traveller.nameOriginal(), reading.dateOfBirth(), reading.nationality(),
                reading.sex(), reading.documentNumber(), reading.issuingState()));
        model.addAttribute("screening", result);
    }

    /**
     * The booth's settings: the border point is one where the officer may record — the one chosen
     * in this session, else the first of their jurisdiction — and only those are offered.
     */
    private void booth(HttpSession session, Model model) {
        Caller caller = Callers.of(SecurityContextHolder.getContext().getAuthentication());
        List<BorderPoint> points = booth.workPoints(caller);
        String chosen = (String) session.getAttribute(POINT);
        String point = points.stream().map(BorderPoint::code).filter(c -> c.equals(chosen)).findFirst()
                .orElse(points.isEmpty() ? null : points.getFirst().code());
        Direction direction = (Direction) session.getAttribute(DIRECTION);
        model.addAttribute("borderPoint", point);
        model.addAttribute("direction", direction == null ? Direction.ENTRY : direction);
        model.addAttribute("borderPoints", points);
        Direction way = direction == null ? Direction.ENTRY : direction;
        List<RefusalReason> reasons = new ArrayList<>(referenceData.refusalReasons().stream()
                .filter(r -> r.appliesTo(way.name())).toList());
        model.addAttribute("reasons", reasons);
    }

    /** Keeps the officer's choice of border point and direction; a point outside their jurisdiction is not taken. */
    private void remember(HttpSession session, String borderPoint, Direction direction, Model model) {
        if (borderPoint != null && !borderPoint.isBlank()) {
            String code = borderPoint.strip().toUpperCase(Locale.ROOT);
            Caller caller = Callers.of(SecurityContextHolder.getContext().getAuthentication());
            if (booth.mayWorkAt(caller, code) && referenceData.borderPoint(code).isPresent()) {
                session.setAttribute(POINT, code);
            } else {
                model.addAttribute("pointRefused", code.length() > 3 ? code.substring(0, 3) : code);
            }
        }
        if (direction != null) {
            session.setAttribute(DIRECTION, direction);
        }
    }
}
