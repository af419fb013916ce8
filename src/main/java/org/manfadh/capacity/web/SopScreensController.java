package org.manfadh.capacity.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.manfadh.access.Accounts;
import org.manfadh.access.ReadScope;
import org.manfadh.capacity.AdoptionStage;
import org.manfadh.capacity.AuditResult;
import org.manfadh.capacity.CapacityCommands;
import org.manfadh.capacity.Procedures;
import org.manfadh.capacity.Sop;
import org.manfadh.capacity.SopAdoption;
import org.manfadh.capacity.SopAudit;
import org.manfadh.capacity.SopKind;
import org.manfadh.capacity.Texts;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;
import org.manfadh.platform.Rejection;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The capacity manager's SOP screens: the list, an SOP's page (a version read in the page's language, the other two a
 * click away, its checklist and its history), the forms that make an SOP and a new version, the adoption matrix with
 * the form for a step, and the audit form (every checklist item MET, PARTLY, NOT_MET or N/A, radio groups that the
 * keyboard walks) with the audit's score once saved. What is refused is said beside the field, and what was entered
 * stays.
 */
@Controller
@PreAuthorize("hasAnyRole('CAPACITY_MANAGER', 'ADMIN')")
class SopScreensController {

    private static final int HISTORY = 20;

    private final Procedures procedures;
    private final ReferenceData reference;
    private final Accounts accounts;
    private final Clock clock;

    SopScreensController(Procedures procedures, ReferenceData reference, Accounts accounts, Clock clock) {
        this.procedures = procedures;
        this.reference = reference;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A border point as a screen names it. */
    record Point(String code, String name) {
    }

    /** A row of the adoption matrix: a border point and its standing with each SOP (null where it has no step). */
    record MatrixRow(Point point, List<SopAdoption.Standing> cells) {
    }

    // --- the list -------------------------------------------------------------------------------------------------

    @GetMapping("/capacity/sops")
    String list(@RequestParam(required = false) String kind, @RequestParam(required = false) String page, Model model) {
        SopKind chosen;
        try {
            chosen = SopController.kind(kind);
        } catch (Rejection e) {
            chosen = null;
        }
        int number = Math.max(0, parse(page, 0));
        Page<Sop> sops = procedures.sops(chosen, new PageRequest(number, PageRequest.DEFAULT_SIZE));
        model.addAttribute("sops", sops);
        model.addAttribute("kind", chosen);
        model.addAttribute("kinds", SopKind.values());
        model.addAttribute("language", language());
        model.addAttribute("base", "/capacity/sops" + (chosen == null ? "" : "?kind=" + chosen));
        return "capacity/sops/list";
    }

    // --- making an SOP and its versions ---------------------------------------------------------------------------

    @GetMapping("/capacity/sops/new")
    String newSop(Model model) {
        model.addAttribute("form", new HashMap<String, String>(Map.of("effectiveFrom", today().toString())));
        model.addAttribute("errors", Map.of());
        model.addAttribute("kinds", SopKind.values());
        return "capacity/sops/new";
    }

    @PostMapping("/capacity/sops/new")
    String create(@RequestParam MultiValueMap<String, String> form, Authentication caller, Model model,
                  HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        SopKind kind = null;
        try {
            kind = SopController.kind(form.getFirst("kind"));
        } catch (Rejection e) {
            errors.put("kind", "capacity.sops.error.kind");
        }
        CapacityCommands.SopVersionInput version = versionInput(form, errors);
        if (errors.isEmpty()) {
            try {
                UUID id = procedures.create(new CapacityCommands.CreateSop(form.getFirst("code"), kind,
                        new Texts(form.getFirst("titleEn"), form.getFirst("titleAr"), form.getFirst("titleCkb")),
                        version), caller.getName());
                return "redirect:/capacity/sops/" + id + "?created";
            } catch (Rejection e) {
                errors.putAll(errors(e));
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("form", form.toSingleValueMap());
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", SopKind.values());
        return "capacity/sops/new";
    }

    @GetMapping("/capacity/sops/{id}/versions/new")
    String newVersion(@PathVariable String id, Model model) {
        Sop.Detail sop = sop(id);
        Map<String, String> form = new HashMap<>();
        Sop.Version latest = sop.latest();
        form.put("bodyEn", latest.body().en());
        form.put("bodyAr", orEmpty(latest.body().ar()));
        form.put("bodyCkb", orEmpty(latest.body().ckb()));
        form.put("checklistEn", lines(latest.checklist(), "en"));
        form.put("checklistAr", lines(latest.checklist(), "ar"));
        form.put("checklistCkb", lines(latest.checklist(), "ckb"));
        form.put("effectiveFrom", today().toString());
        model.addAttribute("sop", sop);
        model.addAttribute("form", form);
        model.addAttribute("errors", Map.of());
        model.addAttribute("language", language());
        return "capacity/sops/version-new";
    }

    @PostMapping("/capacity/sops/{id}/versions/new")
    String addVersion(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Authentication caller,
                      Model model, HttpServletResponse response) {
        Sop.Detail sop = sop(id);
        Map<String, String> errors = new LinkedHashMap<>();
        CapacityCommands.SopVersionInput version = versionInput(form, errors);
        if (errors.isEmpty()) {
            try {
                int number = procedures.addVersion(sop.id(), version, caller.getName());
                return "redirect:/capacity/sops/" + sop.id() + "?version=" + number;
            } catch (Rejection e) {
                errors.putAll(errors(e));
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("sop", sop);
        model.addAttribute("form", form.toSingleValueMap());
        model.addAttribute("errors", errors);
        model.addAttribute("language", language());
        return "capacity/sops/version-new";
    }

    @PostMapping("/capacity/sops/{id}/retire")
    String retire(@PathVariable String id, @RequestParam(required = false) String confirm, Authentication caller,
                  RedirectAttributes redirect) {
        Sop.Detail sop = sop(id);
        if (!"yes".equals(confirm)) {
            redirect.addFlashAttribute("refused", "capacity.sops.error.confirm");
            return "redirect:/capacity/sops/" + sop.id();
        }
        try {
            procedures.retire(sop.id(), caller.getName());
        } catch (Rejection e) {
            redirect.addFlashAttribute("refused", errors(e).values().iterator().next());
        }
        return "redirect:/capacity/sops/" + sop.id();
    }

    /** The version's fields of a form; the checklist is one item a line, the Arabic and Kurdish lines beside the English. */
    private CapacityCommands.SopVersionInput versionInput(MultiValueMap<String, String> form, Map<String, String> errors) {
        LocalDate from = null;
        String fromText = form.getFirst("effectiveFrom");
        if (fromText != null && !fromText.isBlank()) {
            try {
                from = LocalDate.parse(fromText.strip());
            } catch (DateTimeParseException e) {
                errors.put("effectiveFrom", "capacity.sops.error.date");
            }
        }
        List<String> en = lines(form.getFirst("checklistEn"));
        List<String> ar = lines(form.getFirst("checklistAr"));
        List<String> ckb = lines(form.getFirst("checklistCkb"));
        if (!ar.isEmpty() && ar.size() != en.size() || !ckb.isEmpty() && ckb.size() != en.size()) {
            errors.put("checklist", "capacity.sops.error.checklistLines");
        }
        List<Texts> checklist = new ArrayList<>();
        for (int i = 0; i < en.size(); i++) {
            checklist.add(new Texts(en.get(i), i < ar.size() ? ar.get(i) : null, i < ckb.size() ? ckb.get(i) : null));
        }
        return new CapacityCommands.SopVersionInput(new Texts(form.getFirst("bodyEn"), form.getFirst("bodyAr"),
                form.getFirst("bodyCkb")), form.getFirst("changeNote"), from, checklist);
    }

    // --- an SOP's page ---------------------------------------------------------------------------------------------

    @GetMapping("/capacity/sops/{id}")
    String sop(@PathVariable String id, @RequestParam(required = false) String version, Authentication caller,
               Model model) {
        Sop.Detail sop = sop(id);
        int number = parse(version, sop.latestVersion());
        Sop.Version shown = procedures.version(sop.id(), number)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String language = language();
        model.addAttribute("sop", sop);
        model.addAttribute("shown", shown);
        model.addAttribute("language", language);
        String own = switch (language) {
            case "ar" -> shown.body().ar();
            case "ckb" -> shown.body().ckb();
            default -> shown.body().en();
        };
        model.addAttribute("bodyMissing", own == null || own.isBlank());
        model.addAttribute("others", Arrays.stream(new String[] {"en", "ar", "ckb"}).filter(l -> !l.equals(language))
                .toList());
        model.addAttribute("steps", procedures.adoptionSteps(sop.id(), null, new PageRequest(0, HISTORY),
                caller.getName()));
        model.addAttribute("names", names(language));
        return "capacity/sops/sop";
    }

    // --- adoption --------------------------------------------------------------------------------------------------

    @GetMapping("/capacity/sops/adoption")
    String adoption(Authentication caller, Model model) {
        showAdoption(caller, model, new HashMap<>(Map.of("onDate", today().toString())), Map.of());
        return "capacity/sops/adoption";
    }

    @PostMapping("/capacity/sops/adoption")
    String recordAdoption(@RequestParam MultiValueMap<String, String> form, Authentication caller, Model model,
                          RedirectAttributes redirect, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        UUID sopId = null;
        try {
            sopId = SopController.id("sop", orEmpty(form.getFirst("sop")));
        } catch (Rejection e) {
            errors.put("sop", "capacity.sops.error.sop");
        }
        AdoptionStage stage = null;
        try {
            stage = AdoptionStage.valueOf(orEmpty(form.getFirst("stage")).strip());
        } catch (IllegalArgumentException e) {
            errors.put("stage", "capacity.sops.error.stage");
        }
        Integer version = null;
        try {
            version = SopController.number("version", form.getFirst("version"));
        } catch (Rejection e) {
            errors.put("version", "capacity.sops.error.version");
        }
        LocalDate on = date(form.getFirst("onDate"), "onDate", errors);
        if (errors.isEmpty()) {
            try {
                procedures.adopt(sopId, new CapacityCommands.RecordAdoption(form.getFirst("borderPoint"), stage,
                        version, on, form.getFirst("note")), caller.getName());
                redirect.addFlashAttribute("done", true);
                return "redirect:/capacity/sops/adoption";
            } catch (Rejection e) {
                errors.putAll(errors(e));
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        showAdoption(caller, model, form.toSingleValueMap(), errors);
        return "capacity/sops/adoption";
    }

    private void showAdoption(Authentication caller, Model model, Map<String, String> form, Map<String, String> errors) {
        String language = language();
        List<Sop> sops = procedures.sops(null, new PageRequest(0, PageRequest.MAX_SIZE)).content().stream()
                .filter(s -> s.retiredAt() == null).toList();
        Map<String, SopAdoption.Standing> standings = new HashMap<>();
        for (SopAdoption.Standing s : procedures.adoption(null, caller.getName())) {
            standings.put(s.borderPoint() + " " + s.sopId(), s);
        }
        List<MatrixRow> rows = new ArrayList<>();
        for (Point point : points(caller, language)) {
            List<SopAdoption.Standing> cells = new ArrayList<>();
            for (Sop sop : sops) {
                cells.add(standings.get(point.code() + " " + sop.id()));
            }
            rows.add(new MatrixRow(point, cells));
        }
        model.addAttribute("sops", sops);
        model.addAttribute("rows", rows);
        model.addAttribute("points", points(caller, language));
        model.addAttribute("stages", AdoptionStage.values());
        model.addAttribute("language", language);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("today", today().toString());
    }

    // --- audits ----------------------------------------------------------------------------------------------------

    @GetMapping("/capacity/sops/{id}/audits/new")
    String newAudit(@PathVariable String id, @RequestParam(required = false) String borderPoint,
                    @RequestParam(required = false) String version, Authentication caller, Model model) {
        Sop.Detail sop = sop(id);
        Map<String, String> form = new HashMap<>();
        form.put("auditedOn", today().toString());
        form.put("borderPoint", borderPoint == null ? "" : borderPoint.strip().toUpperCase(Locale.ROOT));
        form.put("version", String.valueOf(parse(version, sop.latestVersion())));
        showAudit(sop, caller, model, form, Map.of());
        return "capacity/sops/audit-new";
    }

    @PostMapping("/capacity/sops/{id}/audits/new")
    String recordAudit(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Authentication caller,
                       Model model, HttpServletResponse response) {
        Sop.Detail sop = sop(id);
        Map<String, String> errors = new LinkedHashMap<>();
        int number = parse(form.getFirst("version"), sop.latestVersion());
        Sop.Version version = procedures.version(sop.id(), number)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<CapacityCommands.RecordAudit.Answer> answers = new ArrayList<>();
        for (Sop.Item item : version.checklist()) {
            String result = form.getFirst("result-" + item.item());
            try {
                answers.add(new CapacityCommands.RecordAudit.Answer(item.item(), AuditResult.valueOf(orEmpty(result)),
                        form.getFirst("note-" + item.item())));
            } catch (IllegalArgumentException e) {
                errors.put("item-" + item.item(), "capacity.sops.error.unanswered");
            }
        }
        LocalDate on = date(form.getFirst("auditedOn"), "auditedOn", errors);
        if (on == null && !errors.containsKey("auditedOn")) {
            errors.put("auditedOn", "capacity.sops.error.date");
        }
        if (errors.isEmpty()) {
            try {
                SopAudit audit = procedures.audit(sop.id(), new CapacityCommands.RecordAudit(form.getFirst("borderPoint"),
                        number, on, form.getFirst("auditor"), answers, form.getFirst("note")), caller.getName());
                return "redirect:/capacity/sops/audits/" + audit.id() + "?saved";
            } catch (Rejection e) {
                errors.putAll(errors(e));
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        showAudit(sop, caller, model, form.toSingleValueMap(), errors);
        return "capacity/sops/audit-new";
    }

    private void showAudit(Sop.Detail sop, Authentication caller, Model model, Map<String, String> form,
                           Map<String, String> errors) {
        String language = language();
        int number = parse(form.get("version"), sop.latestVersion());
        Sop.Version version = procedures.version(sop.id(), number)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<Point> points = points(caller, language);
        String point = form.getOrDefault("borderPoint", "");
        model.addAttribute("sop", sop);
        model.addAttribute("version", version);
        model.addAttribute("points", points);
        model.addAttribute("results", AuditResult.values());
        model.addAttribute("language", language);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("today", today().toString());
        model.addAttribute("history", points.stream().anyMatch(p -> p.code().equals(point))
                ? procedures.audits(sop.id(), point, new PageRequest(0, HISTORY), caller.getName()).content()
                : List.of());
        model.addAttribute("names", names(language));
    }

    @GetMapping("/capacity/sops/audits/{auditId}")
    String audit(@PathVariable String auditId, Authentication caller, Model model) {
        UUID id;
        try {
            id = SopController.id("auditId", auditId);
        } catch (Rejection e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        SopAudit audit = procedures.findAudit(id, caller.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String language = language();
        model.addAttribute("audit", audit);
        model.addAttribute("sop", procedures.sop(audit.sopId()).orElseThrow());
        model.addAttribute("language", language);
        model.addAttribute("names", names(language));
        model.addAttribute("history", procedures.audits(audit.sopId(), audit.borderPoint(),
                new PageRequest(0, HISTORY), caller.getName()).content());
        return "capacity/sops/audit";
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /** A refusal's faults as message keys by the form's field. */
    static Map<String, String> errors(Rejection e) {
        Map<String, String> errors = new LinkedHashMap<>();
        switch (e.kind()) {
            case FORBIDDEN -> errors.put("borderPoint", "capacity.sops.error.outOfScope");
            case NOT_FOUND -> errors.put("form", "capacity.sops.error.notFound");
            case CONFLICT -> errors.put(e.code().equals("sop-code-taken") ? "code" : "form", switch (e.code()) {
                case "sop-code-taken" -> "capacity.sops.error.codeTaken";
                case "sop-retired" -> "capacity.sops.error.retired";
                case "hq-only" -> "capacity.sops.error.hqOnly";
                default -> "capacity.sops.error.other";
            });
            default -> {
                for (Rejection.Field f : e.fields()) {
                    String field = f.field().startsWith("version.") ? f.field().substring("version.".length()) : f.field();
                    java.util.regex.Matcher item = java.util.regex.Pattern.compile("answers\\[(\\d+)]\\..*")
                            .matcher(field);
                    String key = field.startsWith("title") ? "title"
                            : field.startsWith("body") ? "body"
                            : field.startsWith("checklist") ? "checklist"
                            : item.matches() ? "answers" : field;
                    errors.putIfAbsent(key, switch (key) {
                        case "code" -> "capacity.sops.error.code";
                        case "kind" -> "capacity.sops.error.kind";
                        case "title" -> "capacity.sops.error.title";
                        case "body" -> "capacity.sops.error.body";
                        case "checklist" -> "capacity.sops.error.checklist";
                        case "effectiveFrom" -> "capacity.sops.error.effectiveFrom";
                        case "borderPoint" -> "capacity.sops.error.borderPoint";
                        case "stage" -> "capacity.sops.error.stage";
                        case "version" -> "capacity.sops.error.version";
                        case "onDate", "auditedOn" -> "capacity.sops.error.dateRange";
                        case "auditor" -> "capacity.sops.error.auditor";
                        case "answers" -> f.message().startsWith("are all NOT_APPLICABLE")
                                ? "capacity.sops.error.allNotApplicable" : "capacity.sops.error.answers";
                        case "changeNote", "note" -> "capacity.sops.error.long";
                        default -> "capacity.sops.error.other";
                    });
                }
            }
        }
        return errors;
    }

    private Sop.Detail sop(String id) {
        try {
            return procedures.sop(SopController.id("id", id))
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        } catch (Rejection e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** The border points the caller works on, by name in the page's language. */
    private List<Point> points(Authentication caller, String language) {
        ReadScope scope = accounts.ownScope(caller.getName());
        return reference.borderPoints().stream().filter(p -> scope.allows(p.code()))
                .map(p -> new Point(p.code(), name(p, language)))
                .sorted(java.util.Comparator.comparing(Point::name)).toList();
    }

    private Map<String, String> names(String language) {
        Map<String, String> names = new HashMap<>();
        reference.borderPoints().forEach(p -> names.put(p.code(), name(p, language)));
        return names;
    }

    private static String name(BorderPoint p, String language) {
        String name = switch (language) {
            case "ar" -> p.nameAr();
            case "ckb" -> p.nameCkb();
            default -> p.nameEn();
        };
        return name == null || name.isBlank() ? p.nameEn() : name;
    }

    private static LocalDate date(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "capacity.sops.error.date");
            return null;
        }
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String lines(List<Sop.Item> items, String language) {
        StringBuilder text = new StringBuilder();
        for (Sop.Item item : items) {
            String line = switch (language) {
                case "ar" -> item.text().ar();
                case "ckb" -> item.text().ckb();
                default -> item.text().en();
            };
            if (line == null) {
                return "";
            }
            text.append(line).append('\n');
        }
        return text.toString();
    }

    private static int parse(String text, int otherwise) {
        try {
            return text == null || text.isBlank() ? otherwise : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String language() {
        String language = LocaleContextHolder.getLocale().getLanguage();
        return language.equals("ar") || language.equals("ckb") ? language : "en";
    }
}
