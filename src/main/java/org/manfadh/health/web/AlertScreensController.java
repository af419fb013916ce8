package org.manfadh.health.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.manfadh.bordercontrol.HealthOutcome;
import org.manfadh.health.Alert;
import org.manfadh.health.AlertSource;
import org.manfadh.health.Disease;
import org.manfadh.health.Exposure;
import org.manfadh.health.HealthCommands;
import org.manfadh.health.OutbreakAlerts;
import org.manfadh.health.Route;
import org.manfadh.health.Rule;
import org.manfadh.health.Symptom;
import org.manfadh.platform.NodeRole;
import org.manfadh.platform.PageRequest;
import org.manfadh.platform.Rejection;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Outbreak alerts and screening rules on screen, for health officers: made and changed at headquarters, read at a
 * post, exactly as the API makes and changes them. A new alert copies its disease's monitoring window, which the
 * officer may change before saving.
 */
@Controller
@PreAuthorize("hasAnyRole('HEALTH_OFFICER', 'ADMIN')")
class AlertScreensController {

    private static final int PAGE_SIZE = 25;

    private final ObjectProvider<OutbreakAlerts> alerts;
    private final ReferenceData referenceData;
    private final NodeRole role;
    private final Clock clock;

    AlertScreensController(ObjectProvider<OutbreakAlerts> alerts, ReferenceData referenceData, NodeRole role,
                           Clock clock) {
        this.alerts = alerts;
        this.referenceData = referenceData;
        this.role = role;
        this.clock = clock;
    }

    /** At a post alerts and rules are headquarters': shown, never changed there. */
    @ModelAttribute("atPost")
    boolean atPost() {
        return role.post();
    }

    private OutbreakAlerts alerts() {
        OutbreakAlerts service = alerts.getIfAvailable();
        if (service == null) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "health is not running on this node");
        }
        return service;
    }

    @GetMapping("/health/alerts")
    String alerts(@RequestParam(required = false) String state, @RequestParam(defaultValue = "0") int page,
                  Model model) {
        Boolean active = "ended".equals(state) ? Boolean.FALSE : "all".equals(state) ? null : Boolean.TRUE;
        model.addAttribute("state", active == null ? "all" : active ? "active" : "ended");
        model.addAttribute("alerts", alerts().alerts(active, new PageRequest(Math.max(page, 0), PAGE_SIZE)));
        model.addAttribute("diseaseNames", HealthScreens.diseaseNames(alerts().diseases()));
        model.addAttribute("today", LocalDate.now(clock));
        return "health/alerts";
    }

    /** What a health officer types for a new alert; dates as YYYY-MM-DD, countries as ICAO codes. */
    record AlertForm(String disease, String countries, String regions, String monitoringDays, String validFrom,
                     String validUntil, String source, String measuresEn, String measuresAr, String measuresCkb) {
    }

    @GetMapping("/health/alerts/new")
    String newAlert(@RequestParam(required = false) String disease, Model model) {
        List<Disease> diseases = alerts().diseases();
        Disease chosen = diseases.stream().filter(d -> d.code().equals(disease)).findFirst().orElse(null);
        model.addAttribute("form", new AlertForm(chosen == null ? null : chosen.code(), null, null,
                chosen == null ? null : Integer.toString(chosen.monitoringDays()), LocalDate.now(clock).toString(),
                null, AlertSource.WHO.name(), null, null, null));
        return alertForm(model, diseases, Map.of());
    }

    private String alertForm(Model model, List<Disease> diseases, Map<String, String> errors) {
        model.addAttribute("diseases", diseases);
        model.addAttribute("diseaseNames", HealthScreens.diseaseNames(diseases));
        model.addAttribute("sources", AlertSource.values());
        model.addAttribute("errors", errors);
        return "health/alert-new";
    }

    @PostMapping("/health/alerts")
    String create(AlertForm form, Authentication authentication, Model model, RedirectAttributes redirect) {
        List<Disease> diseases = alerts().diseases();
        Map<String, String> errors = new LinkedHashMap<>();
        String disease = form.disease() == null ? "" : form.disease().strip();
        if (diseases.stream().noneMatch(d -> d.code().equals(disease))) {
            errors.put("disease", "health.alert.error.disease");
        }
        List<String> countries = HealthScreens.codes(form.countries());
        if (countries.isEmpty() || countries.size() > 60) {
            errors.put("countries", "health.alert.error.countries");
        } else if (countries.stream().anyMatch(c -> !referenceData.icaoCodes().contains(c))) {
            errors.put("countries", "health.alert.error.countryUnknown");
        }
        List<Alert.Region> regions = regions(form.regions(), countries, errors);
        Integer days = null;
        if (form.monitoringDays() != null && !form.monitoringDays().isBlank()) {
            days = number(form.monitoringDays(), 1, 60, "monitoringDays", "health.alert.error.monitoringDays", errors);
        }
        LocalDate from = day(form.validFrom(), "validFrom", true, errors);
        LocalDate until = day(form.validUntil(), "validUntil", false, errors);
        if (from != null && until != null && until.isBefore(from)) {
            errors.put("validUntil", "health.alert.error.untilBeforeFrom");
        }
        AlertSource source = null;
        for (AlertSource s : AlertSource.values()) {
            if (s.name().equals(form.source())) {
                source = s;
            }
        }
        if (source == null) {
            errors.put("source", "health.alert.error.source");
        }
        Alert.Texts measures = new Alert.Texts(text(form.measuresEn(), "measuresEn", errors),
                text(form.measuresAr(), "measuresAr", errors), text(form.measuresCkb(), "measuresCkb", errors));
        if (errors.isEmpty()) {
            try {
                Alert alert = alerts().create(new HealthCommands.CreateAlert(disease, countries, regions, days, from,
                        until, source, measures.en() == null && measures.ar() == null && measures.ckb() == null
                                ? null : measures), authentication.getName());
                redirect.addFlashAttribute("done", "health.alert.created");
                return "redirect:/health/alerts/" + alert.id();
            } catch (Rejection e) {
                model.addAttribute("problem", HealthScreens.problemKey(e, errors, f -> "health.alert.error.field"));
                model.addAttribute("problemDetail", e.detail());
            }
        }
        model.addAttribute("form", form);
        return alertForm(model, diseases, errors);
    }

    @GetMapping("/health/alerts/{id}")
    String alert(@PathVariable UUID id, Model model) {
        Alert alert = alerts().alert(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("alert", alert);
        model.addAttribute("diseaseNames", HealthScreens.diseaseNames(alerts().diseases()));
        model.addAttribute("measures", HealthScreens.text(alert.measures()));
        model.addAttribute("rules", alerts().rules().stream().filter(r -> id.equals(r.alertId())).toList());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("running", alert.endedAt() == null && alert.appliesOn(LocalDate.now(clock))
                || alert.endedAt() == null && alert.validFrom().isAfter(LocalDate.now(clock)));
        if (!model.containsAttribute("endErrors")) {
            model.addAttribute("endErrors", Map.of());
        }
        return "health/alert";
    }

    @PostMapping("/health/alerts/{id}/end")
    String end(@PathVariable UUID id, @RequestParam(required = false) String reason,
               @RequestParam(required = false) String validUntil, Authentication authentication, Model model,
               RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        String why = text(reason, "reason", errors);
        if (why == null && !errors.containsKey("reason")) {
            errors.put("reason", "health.alert.error.reason");
        }
        LocalDate until = day(validUntil, "validUntil", false, errors);
        if (errors.isEmpty()) {
            try {
                alerts().end(id, new HealthCommands.EndAlert(why, until), authentication.getName());
                redirect.addFlashAttribute("done", "health.alert.endedDone");
                return "redirect:/health/alerts/" + id;
            } catch (Rejection e) {
                model.addAttribute("problem", HealthScreens.problemKey(e, errors, f -> "health.alert.error.field"));
                model.addAttribute("problemDetail", e.detail());
            }
        }
        model.addAttribute("endErrors", errors);
        model.addAttribute("endReason", reason);
        return alert(id, model);
    }

    @GetMapping("/health/rules")
    String rules(Model model) {
        List<Rule> rules = alerts().rules();
        model.addAttribute("rules", rules);
        Map<UUID, String> names = new LinkedHashMap<>();
        rules.forEach(r -> names.put(r.id(), HealthScreens.text(r.name())));
        model.addAttribute("ruleNames", names);
        model.addAttribute("diseaseNames", HealthScreens.diseaseNames(alerts().diseases()));
        model.addAttribute("alertDiseases", alertDiseases());
        return "health/rules";
    }

    /** Each alert's disease, by the alert's id, for naming the rules of alerts. */
    private Map<UUID, String> alertDiseases() {
        Map<UUID, String> byId = new LinkedHashMap<>();
        alerts().alerts(null, new PageRequest(0, PageRequest.MAX_SIZE)).content()
                .forEach(a -> byId.put(a.id(), a.disease()));
        return byId;
    }

    /** A rule as the edit form sends it. */
    record RuleForm(String nameEn, String nameAr, String nameCkb, String countries, List<String> routes,
                    String windowDays, String measureTemperature, String feverFromC, List<String> symptoms,
                    List<String> exposures, String yellowFeverCertificate, String onFever, String onSymptom,
                    String onExposure, String onNoCertificate, String referralFacility, String active) {

        RuleForm {
            routes = routes == null ? List.of() : routes;
            symptoms = symptoms == null ? List.of() : symptoms;
            exposures = exposures == null ? List.of() : exposures;
        }

        static RuleForm of(Rule rule) {
            return new RuleForm(rule.name() == null ? null : rule.name().en(), rule.name() == null ? null : rule.name().ar(),
                    rule.name() == null ? null : rule.name().ckb(), String.join(" ", rule.countries()),
                    rule.routes().stream().map(Enum::name).toList(),
                    rule.windowDays() == null ? null : rule.windowDays().toString(),
                    Boolean.toString(rule.measureTemperature()),
                    rule.feverFromC() == null ? null : rule.feverFromC().toPlainString(),
                    rule.symptoms().stream().map(Enum::name).toList(), rule.exposures().stream().map(Enum::name).toList(),
                    Boolean.toString(rule.yellowFeverCertificate()), name(rule.onFever()), name(rule.onSymptom()),
                    name(rule.onExposure()), name(rule.onNoCertificate()), rule.referralFacility(),
                    Boolean.toString(rule.active()));
        }

        private static String name(Enum<?> value) {
            return value == null ? null : value.name();
        }

        /** The outcome chosen for a finding, by the form field's name. */
        public String outcome(String field) {
            return switch (field) {
                case "onFever" -> onFever;
                case "onSymptom" -> onSymptom;
                case "onExposure" -> onExposure;
                default -> onNoCertificate;
            };
        }

        public boolean has(String list, String code) {
            return switch (list) {
                case "routes" -> routes.contains(code);
                case "symptoms" -> symptoms.contains(code);
                default -> exposures.contains(code);
            };
        }
    }

    @GetMapping("/health/rules/{id}")
    String rule(@PathVariable UUID id, Model model) {
        Rule rule = alerts().rule(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", RuleForm.of(rule));
        }
        return ruleForm(model, rule, Map.of());
    }

    private String ruleForm(Model model, Rule rule, Map<String, String> errors) {
        model.addAttribute("rule", rule);
        model.addAttribute("ruleName", HealthScreens.text(rule.name()));
        model.addAttribute("errors", errors);
        model.addAttribute("routes", Route.values());
        model.addAttribute("symptomCodes", Symptom.values());
        model.addAttribute("exposureCodes", Exposure.values());
        model.addAttribute("holdingOutcomes", EnumSet.complementOf(EnumSet.of(HealthOutcome.CLEARED)));
        model.addAttribute("diseaseNames", HealthScreens.diseaseNames(alerts().diseases()));
        model.addAttribute("alertDiseases", rule.alertId() == null ? Map.of() : alertDiseases());
        return "health/rule";
    }

    @PostMapping("/health/rules/{id}")
    String changeRule(@PathVariable UUID id, RuleForm form, Authentication authentication, Model model,
                      RedirectAttributes redirect) {
        Rule rule = alerts().rule(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> countries = null;
        if (rule.alertId() == null) {
            countries = HealthScreens.codes(form.countries());
            if (countries.isEmpty() || countries.size() > 100) {
                errors.put("countries", "health.alert.error.countries");
            } else if (countries.stream().anyMatch(c -> !referenceData.icaoCodes().contains(c))) {
                errors.put("countries", "health.alert.error.countryUnknown");
            }
        }
        List<Route> routes = enums(Route.class, form.routes(), "routes", errors);
        if (routes.isEmpty() && !errors.containsKey("routes")) {
            errors.put("routes", "health.rule.error.routes");
        }
        Integer window = form.windowDays() == null || form.windowDays().isBlank() ? null
                : number(form.windowDays(), 0, 60, "windowDays", "health.rule.error.windowDays", errors);
        BigDecimal fever = null;
        if (form.feverFromC() != null && !form.feverFromC().isBlank()) {
            try {
                fever = new BigDecimal(digits(form.feverFromC().strip()));
                if (fever.compareTo(new BigDecimal("35.0")) < 0 || fever.compareTo(new BigDecimal("42.0")) > 0
                        || fever.scale() > 1) {
                    errors.put("feverFromC", "health.rule.error.feverFromC");
                }
            } catch (NumberFormatException e) {
                errors.put("feverFromC", "health.rule.error.feverFromC");
            }
        }
        List<Symptom> symptoms = enums(Symptom.class, form.symptoms(), "symptoms", errors);
        List<Exposure> exposures = enums(Exposure.class, form.exposures(), "exposures", errors);
        HealthOutcome onFever = holding(form.onFever(), "onFever", errors);
        HealthOutcome onSymptom = holding(form.onSymptom(), "onSymptom", errors);
        HealthOutcome onExposure = holding(form.onExposure(), "onExposure", errors);
        HealthOutcome onNoCertificate = holding(form.onNoCertificate(), "onNoCertificate", errors);
        String facility = text(form.referralFacility(), "referralFacility", errors);
        if (facility != null && facility.length() > 200) {
            errors.put("referralFacility", "health.error.tooLong");
        }
        Alert.Texts name = new Alert.Texts(text(form.nameEn(), "nameEn", errors), text(form.nameAr(), "nameAr", errors),
                text(form.nameCkb(), "nameCkb", errors));
        if (name.en() == null || name.ar() == null || name.ckb() == null) {
            errors.put("name", "health.rule.error.name");
        }
        if (errors.isEmpty()) {
            try {
                alerts().changeRule(id, new HealthCommands.RuleInput(null, null, name, countries, routes, window,
                        "true".equals(form.measureTemperature()), fever, symptoms, exposures,
                        "true".equals(form.yellowFeverCertificate()), onFever, onSymptom, onExposure, onNoCertificate,
                        facility, "true".equals(form.active())), authentication.getName());
                redirect.addFlashAttribute("done", "health.rule.changed");
                return "redirect:/health/rules/" + id;
            } catch (Rejection e) {
                model.addAttribute("problem", HealthScreens.problemKey(e, errors, f -> "health.alert.error.field"));
                model.addAttribute("problemDetail", e.detail());
            }
        }
        model.addAttribute("form", form);
        return ruleForm(model, rule, errors);
    }

    private static <E extends Enum<E>> List<E> enums(Class<E> type, List<String> values, String field,
                                                    Map<String, String> errors) {
        List<E> found = new ArrayList<>();
        for (String value : values) {
            try {
                E e = Enum.valueOf(type, value);
                if (!found.contains(e)) {
                    found.add(e);
                }
            } catch (IllegalArgumentException e) {
                errors.put(field, "health.rule.error.unknownCode");
            }
        }
        return found;
    }

    private static HealthOutcome holding(String value, String field, Map<String, String> errors) {
        try {
            HealthOutcome outcome = HealthOutcome.valueOf(value);
            if (outcome.holds()) {
                return outcome;
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            // said below
        }
        errors.put(field, "health.rule.error.outcome");
        return null;
    }

    private static List<Alert.Region> regions(String text, List<String> countries, Map<String, String> errors) {
        List<Alert.Region> regions = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return regions;
        }
        // One a line: "COD: Nord-Kivu", or a region alone in the alert's only country.
        for (String line : text.strip().split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split(":", 2);
            String country = parts.length == 2 ? parts[0].strip().toUpperCase(java.util.Locale.ROOT)
                    : countries.size() == 1 ? countries.getFirst() : null;
            String region = (parts.length == 2 ? parts[1] : parts[0]).strip();
            if (country == null || !countries.contains(country) || region.isEmpty() || region.length() > 200) {
                errors.put("regions", "health.alert.error.regions");
                return List.of();
            }
            regions.add(new Alert.Region(country, region));
        }
        if (regions.size() > 100) {
            errors.put("regions", "health.alert.error.regions");
        }
        return regions;
    }

    private static Integer number(String text, int min, int max, String field, String key, Map<String, String> errors) {
        try {
            int n = Integer.parseInt(digits(text.strip()));
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        errors.put(field, key);
        return null;
    }

    private static LocalDate day(String text, String field, boolean required, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            if (required) {
                errors.put(field, "health.alert.error.dateRequired");
            }
            return null;
        }
        try {
            return LocalDate.parse(digits(text.strip()));
        } catch (DateTimeParseException e) {
            errors.put(field, "health.alert.error.date");
            return null;
        }
    }

    private static String text(String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > 4000) {
            errors.put(field, "health.error.tooLong");
        }
        return value.strip();
    }

    /** Arabic-Indic and Eastern Arabic digits as typed on an Arabic or Kurdish keyboard, and its decimal separator. */
    static String digits(String typed) {
        StringBuilder sb = new StringBuilder(typed.length());
        typed.codePoints().forEach(c -> {
            if (c >= 0x0660 && c <= 0x0669) {
                sb.append((char) ('0' + c - 0x0660));
            } else if (c >= 0x06F0 && c <= 0x06F9) {
                sb.append((char) ('0' + c - 0x06F0));
            } else if (c == 0x066B) {
                sb.append('.');
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
