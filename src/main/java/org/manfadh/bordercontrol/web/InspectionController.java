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
import org.manfadh.bordercontrol.CrossingCommands.HealthScreening;
import org.manfadh.bordercontrol.CrossingCommands.ManualDocument;
import org.manfadh.bordercontrol.CrossingCommands.RecordCrossing;
import org.manfadh.bordercontrol.CrossingCommands.VisitedCountry;
import org.manfadh.bordercontrol.HealthCheckpoint;
import org.manfadh.bordercontrol.TransportMode;
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
    private static final String TRANSPORT = "inspection.transport";
    private static final java.util.regex.Pattern CODES = java.util.regex.Pattern.compile("[\\s,;،]+");
    private static final int MAX_VISITED = 20;
    private static final int MAX_VIA = 10;
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

    /** The booth bar's transport fields as posted; a field not posted leaves the setting as it is. */
    record TransportForm(String transportMode, String transportReference, String transportOrigin,
                         String transportVia) {

        boolean posted() {
            return transportMode != null || transportReference != null || transportOrigin != null || transportVia != null;
        }
    }

    @GetMapping("/inspection")
    String screen(HttpSession session, Model model) {
        booth(session, model);
        return "inspection/screen";
    }

    @PostMapping("/inspection/read")
    String read(@RequestParam(defaultValue = "") String mrz, @RequestParam(required = false) String borderPoint,
                @RequestParam(required = false) Direction direction, TransportForm transport, HttpSession session,
                Model model, @RequestHeader(value = "HX-Request", required = false) String htmx) {
        remember(session, borderPoint, direction, model);
        remember(session, transport, model);
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
                  @RequestParam(required = false) Direction direction, TransportForm transport, HttpSession session,
                  Model model, @RequestHeader(value = "HX-Request", required = false) String htmx) {
        remember(session, borderPoint, direction, model);
        remember(session, transport, model);
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
                  @RequestParam(defaultValue = "CLEAR") ScreeningOutcome screened,
                  @RequestParam(required = false) String visited, HealthForm health, TransportForm transport,
                  HttpSession session, Model model,
                  Authentication authentication, @RequestHeader(value = "HX-Request", required = false) String htmx) {
        remember(session, transport, model);
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
        if (model.containsAttribute("transportFaults")) {
            errors.put("transport", "booth.transport.fix");
        }
        Map<String, String> healthErrors = new LinkedHashMap<>();
        List<VisitedCountry> declared = visited(visited, model);
        HealthScreening screening = health.screening(healthErrors);
        if (declared == null) {
            errors.put("visited", "booth.visited.unknown");
        }
        if (!healthErrors.isEmpty()) {
            errors.put("health", "health.prompt.error.fix");
        }
        if (point == null) {
            // No border point the caller may record at (the notice above the zone says why).
            errors.put("decision", "booth.noPointChosen");
        } else if (!booth.mayWorkAt(Callers.of(authentication), point)) {
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
                    null, transport(session).command(), decision,
                    decision == Decision.ADMITTED || reasonCode == null || reasonCode.isBlank() ? null : reasonCode,
                    note == null || note.isBlank() ? null : note.strip(), null, null, null, null, null, null, null,
                    reviewed ? Boolean.TRUE : null, declared.isEmpty() ? null : declared, screening);
            try {
                CrossingRecording.Recorded recorded = recorder.record(request, Callers.of(authentication));
                model.addAttribute("recorded", recorded.crossing());
                model.addAttribute("asked", decision);
                return htmx != null ? "inspection/screen :: recorded" : "inspection/screen";
            } catch (Rejection e) {
                String key = problemKey(e);
                if (healthFields(e, healthErrors)) {
                    // Health named what is wrong in the prompt: said beside each field, in the officer's language.
                    key = "health.prompt.error.fix";
                    model.addAttribute("healthDetail", e.fields().stream()
                            .map(f -> f.field() + ": " + f.message()).collect(java.util.stream.Collectors.joining("; ")));
                }
                errors.put("decision", key);
                if (key.equals("decide.problem.other")) {
                    // Only a problem the screen has no words for is shown as the register says it.
                    model.addAttribute("problemDetail", e.detail());
                }
                if (key.equals("decide.problem.health-screening-required")) {
                    model.addAttribute("healthRequiredBy", e.facts().get("alerts"));
                }
            }
        }
        model.addAttribute("visited", visited);
        model.addAttribute("healthForm", health);
        model.addAttribute("healthErrors", healthErrors);
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
            case "document-invalid", "document-unreadable", "invalid-fields", "forbidden", "id-conflict",
                 "health-screening-required", "health-hold" -> "decide.problem." + name;
            default -> "decide.problem.other";
        };
    }

    /** The fields of the health prompt a refusal names, as message keys by field; whether there were any. */
    private static boolean healthFields(Rejection e, Map<String, String> healthErrors) {
        boolean any = false;
        for (Rejection.Field f : e.fields()) {
            if (f.field().startsWith("healthScreening")) {
                String field = f.field().replaceFirst("^healthScreening\\.?", "").replaceFirst("[\\[.].*$", "");
                healthErrors.put(field.isEmpty() ? "outcome" : field, switch (field) {
                    case "temperatureC" -> "health.prompt.error.temperatureRequired";
                    case "symptoms" -> "health.prompt.error.symptoms";
                    case "exposures" -> "health.prompt.error.exposures";
                    case "yellowFeverCertificate" -> "health.prompt.error.yellowFeverCertificate";
                    case "facility" -> "health.prompt.error.facility";
                    case "address", "phone" -> "health.prompt.error.contact";
                    default -> "health.prompt.error.outcome";
                });
                any = true;
            }
        }
        return any;
    }

    /**
     * The health prompt again, after the officer typed the countries the traveller declares: what health asks of
     * this arrival now.
     */
    @PostMapping("/inspection/health")
    String health(@RequestParam(required = false) UUID crossingId, @RequestParam(required = false) String mrz,
                  ManualForm manual, @RequestParam(required = false) String visited, HealthForm health,
                  HttpSession session, Model model) {
        booth(session, model);
        model.addAttribute("healthForm", health);
        model.addAttribute("visited", visited);
        List<VisitedCountry> declared = visited(visited, model);
        if (declared == null) {
            model.addAttribute("healthErrors", Map.of("visited", "booth.visited.unknown"));
            declared = List.of();
        }
        DocumentReadings.Reading reading = mrz != null && !mrz.isBlank() && mrz.length() <= MAX_MRZ
                ? inspections.read(mrz) : manual.tooLong().isEmpty() ? inspections.read(manual.document()) : null;
        if (reading != null && reading.identified()) {
            assessHealth(model, crossingId == null ? Ids.newId() : crossingId, reading, declared);
        }
        return "inspection/screen :: healthPrompt";
    }

    /** What health asks of the arrival in front of the officer, for the prompt. */
    private void assessHealth(Model model, UUID crossingId, DocumentReadings.Reading reading,
                              List<VisitedCountry> visited) {
        String point = (String) model.getAttribute("borderPoint");
        Direction direction = (Direction) model.getAttribute("direction");
        BoothTransport transport = (BoothTransport) model.getAttribute("transport");
        String nationality = reading.nationality() != null ? reading.nationality() : reading.issuingState();
        HealthCheckpoint.Requirement requirement = booth.health(crossingId, point, direction, nationality,
                transport == null ? null : transport.command(), visited);
        model.addAttribute("healthRequirement", requirement);
    }

    /** The countries the traveller declares, or null when one is not a known code (named in the model). */
    private List<VisitedCountry> visited(String text, Model model) {
        List<String> codes = codes(text);
        if (codes == null || codes.size() > MAX_VISITED) {
            model.addAttribute("visitedUnknown", codes == null ? unknownCode(text) : "");
            return null;
        }
        return codes.stream().map(c -> new VisitedCountry(c, null)).toList();
    }

    /** ICAO codes typed with spaces or commas between them; null when one is unknown. */
    private List<String> codes(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> codes = new ArrayList<>();
        for (String part : CODES.split(text.strip())) {
            String code = part.toUpperCase(Locale.ROOT);
            if (code.isEmpty()) {
                continue;
            }
            if (code.length() > 3 || !referenceData.icaoCodes().contains(code)) {
                return null;
            }
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        return codes;
    }

    private String unknownCode(String text) {
        for (String part : CODES.split(text.strip())) {
            String code = part.toUpperCase(Locale.ROOT);
            if (!code.isEmpty() && (code.length() > 3 || !referenceData.icaoCodes().contains(code))) {
                return code.length() > 3 ? code.substring(0, 3) : code;
            }
        }
        return "";
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
        List<VisitedCountry> visited = model.getAttribute("visited") instanceof String text ? visitedQuietly(text) : List.of();
        assessHealth(model, (UUID) model.getAttribute("crossingId"), reading, visited);
    }

    private List<VisitedCountry> visitedQuietly(String text) {
        List<String> codes = codes(text);
        return codes == null ? List.of() : codes.stream().limit(MAX_VISITED).map(c -> new VisitedCountry(c, null)).toList();
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
        model.addAttribute("transport", transport(session));
        model.addAttribute("transportModes", TransportMode.values());
        model.addAttribute("healthErrors", Map.of());
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

    private static BoothTransport transport(HttpSession session) {
        return session.getAttribute(TRANSPORT) instanceof BoothTransport t ? t : BoothTransport.NONE;
    }

    /**
     * Keeps the officer's transport for the travellers that follow: a mode, the flight's or bus's reference, where
     * it set out from and through where. A country code not known is not taken, and the bar says which.
     */
    private void remember(HttpSession session, TransportForm form, Model model) {
        if (form == null || !form.posted()) {
            return;
        }
        BoothTransport current = transport(session);
        TransportMode mode = current.mode();
        if (form.transportMode() != null) {
            mode = null;
            for (TransportMode m : TransportMode.values()) {
                if (m.name().equals(form.transportMode().strip())) {
                    mode = m;
                }
            }
        }
        String reference = current.reference();
        if (form.transportReference() != null) {
            String typed = form.transportReference().strip().toUpperCase(Locale.ROOT);
            reference = typed.isEmpty() ? null : typed.length() > 40 ? typed.substring(0, 40) : typed;
        }
        String origin = current.origin();
        List<String> via = current.via();
        Map<String, String> faults = new LinkedHashMap<>();
        if (form.transportOrigin() != null) {
            List<String> codes = codes(form.transportOrigin());
            if (codes == null || codes.size() > 1) {
                faults.put("transportOrigin", codes == null ? unknownCode(form.transportOrigin()) : "");
            } else {
                origin = codes.isEmpty() ? null : codes.getFirst();
            }
        }
        if (form.transportVia() != null) {
            List<String> codes = codes(form.transportVia());
            if (codes == null || codes.size() > MAX_VIA) {
                faults.put("transportVia", codes == null ? unknownCode(form.transportVia()) : "");
            } else {
                via = codes;
            }
        }
        session.setAttribute(TRANSPORT, new BoothTransport(mode, reference, origin, via));
        if (!faults.isEmpty()) {
            model.addAttribute("transportFaults", faults);
        }
    }
}
