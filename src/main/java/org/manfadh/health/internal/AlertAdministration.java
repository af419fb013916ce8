package org.manfadh.health.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.manfadh.bordercontrol.HealthOutcome;
import org.manfadh.health.Alert;
import org.manfadh.health.AlertSource;
import org.manfadh.health.Disease;
import org.manfadh.health.HealthCommands;
import org.manfadh.health.HealthRulesChanged;
import org.manfadh.health.OutbreakAlerts;
import org.manfadh.health.Route;
import org.manfadh.health.Rule;
import org.manfadh.health.rules.ScreeningRules;
import org.manfadh.platform.Ids;
import org.manfadh.platform.NodeIdentity;
import org.manfadh.platform.NodeRole;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;
import org.manfadh.platform.Rejection;
import org.manfadh.referencedata.CountryKind;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outbreak alerts and screening rules, made and changed by health officers at headquarters. A new alert brings its
 * rule, filled in from the disease's profile; every change is announced so the booth's rules reload.
 */
@Service
class AlertAdministration implements OutbreakAlerts {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    private static final BigDecimal LOWEST_FEVER = new BigDecimal("35.0");
    private static final BigDecimal HIGHEST_FEVER = new BigDecimal("42.0");

    private final Alerts alerts;
    private final Rules rules;
    private final Diseases diseases;
    private final ReferenceData referenceData;
    private final NodeIdentity node;
    private final NodeRole role;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AlertAdministration(Alerts alerts, Rules rules, Diseases diseases, ReferenceData referenceData, NodeIdentity node,
                        NodeRole role, Clock clock, ApplicationEventPublisher events) {
        this.alerts = alerts;
        this.rules = rules;
        this.diseases = diseases;
        this.referenceData = referenceData;
        this.node = node;
        this.role = role;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public List<Disease> diseases() {
        return diseases.all();
    }

    @Override
    @Transactional
    public Alert create(HealthCommands.CreateAlert request, String username) {
        atHeadquarters();
        List<Rejection.Field> faults = new ArrayList<>();
        String code = request.disease() == null ? "" : request.disease().strip().toUpperCase(Locale.ROOT);
        Optional<Disease> disease = diseases.find(code);
        if (disease.isEmpty()) {
            faults.add(new Rejection.Field("disease", "is not a known disease code: " + request.disease()
                    + " (see GET /api/v1/health/diseases)"));
        }
        List<String> countries = countries(request.countries(), "countries", faults);
        List<Alert.Region> regions = new ArrayList<>();
        if (request.regions() != null) {
            for (int i = 0; i < request.regions().size(); i++) {
                Alert.Region region = request.regions().get(i);
                String country = region == null || region.country() == null ? null
                        : region.country().strip().toUpperCase(Locale.ROOT);
                if (country == null || !countries.contains(country)) {
                    faults.add(new Rejection.Field("regions[" + i + "].country", "is not one of the alert's countries"));
                } else if (region.region() == null || region.region().isBlank() || region.region().length() > 200) {
                    faults.add(new Rejection.Field("regions[" + i + "].region", "is required: up to 200 characters"));
                } else {
                    regions.add(new Alert.Region(country, region.region().strip()));
                }
            }
        }
        if (request.validFrom() != null && request.validUntil() != null
                && request.validUntil().isBefore(request.validFrom())) {
            faults.add(new Rejection.Field("validUntil", "is before validFrom"));
        }
        if (request.monitoringDays() != null && (request.monitoringDays() < 1 || request.monitoringDays() > 60)) {
            faults.add(new Rejection.Field("monitoringDays", "is 1 to 60 days"));
        }
        if (request.measures() != null && (length(request.measures().en()) > 4000
                || length(request.measures().ar()) > 4000 || length(request.measures().ckb()) > 4000)) {
            faults.add(new Rejection.Field("measures", "is longer than 4000 characters in a language"));
        }
        if (request.validFrom() == null) {
            faults.add(new Rejection.Field("validFrom", "is required"));
        }
        if (!faults.isEmpty()) {
            throw Rejection.invalidFields(faults);
        }
        Instant now = clock.instant();
        Disease known = disease.orElseThrow();
        Alert alert = new Alert(Ids.newId(), known.code(), countries, regions,
                request.monitoringDays() == null ? known.monitoringDays() : request.monitoringDays(),
                request.validFrom(), request.validUntil(), request.source() == null ? AlertSource.WHO : request.source(),
                measures(request.measures()), username, now, null, null, null);
        alerts.insert(alert, node.nodeId());
        rules.insert(ruleOf(alert, known), node.nodeId(), username, now);
        events.publishEvent(new HealthRulesChanged());
        return alert;
    }

    /** The rule a new alert brings: every route, the temperature, and the disease's symptoms and exposures. */
    private Rule ruleOf(Alert alert, Disease disease) {
        Diseases.Profile profile = diseases.profile(disease.code());
        String base = disease.code() + "_" + alert.validFrom().format(DateTimeFormatter.BASIC_ISO_DATE);
        String code = base;
        for (int n = 2; rules.codeTaken(code); n++) {
            code = base + "_" + n;
        }
        return new Rule(Ids.newId(), alert.id(), code,
                new Alert.Texts(disease.nameEn() + " screening", "فحص " + disease.nameAr(),
                        "پشکنینی " + disease.nameCkb()),
                null, List.of(Route.values()), null, true, ScreeningRules.DEFAULT_FEVER_FROM_C, profile.symptoms(),
                profile.exposures(), false, HealthOutcome.SECONDARY, HealthOutcome.SECONDARY, HealthOutcome.SECONDARY,
                HealthOutcome.SECONDARY, null, true);
    }

    @Override
    @Transactional
    public Alert end(UUID id, HealthCommands.EndAlert request, String username) {
        atHeadquarters();
        Alert alert = alerts.find(id).orElseThrow(() -> notFound(id));
        if (alert.endedAt() != null) {
            throw Rejection.conflict("alert-ended", "Alert " + id + " was ended on " + alert.endedAt() + " by "
                    + alert.endedBy() + ".");
        }
        LocalDate until = request.validUntil() == null ? LocalDate.now(clock) : request.validUntil();
        if (until.isBefore(alert.validFrom())) {
            throw Rejection.invalidField("validUntil", "is before the alert's first day, " + alert.validFrom()
                    + (request.validUntil() == null ? ": give the alert's first day to end it before it starts" : ""));
        }
        if (alert.validUntil() != null && until.isAfter(alert.validUntil())) {
            throw Rejection.invalidField("validUntil", "is after the alert's last day, " + alert.validUntil()
                    + ": ending an alert cannot lengthen it");
        }
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty()) {
            throw Rejection.invalidField("reason", "is required");
        }
        if (!alerts.end(id, until, username, clock.instant(), reason)) {
            throw Rejection.conflict("alert-ended", "Alert " + id + " was ended meanwhile.");
        }
        events.publishEvent(new HealthRulesChanged());
        return alerts.find(id).orElseThrow();
    }

    @Override
    public Optional<Alert> alert(UUID id) {
        return alerts.find(id);
    }

    @Override
    public Page<Alert> alerts(Boolean active, PageRequest page) {
        LocalDate today = LocalDate.now(clock);
        return Page.of(alerts.page(active, today, page.size(), page.offset()), page, alerts.count(active, today));
    }

    @Override
    public List<Rule> rules() {
        return rules.all();
    }

    @Override
    public Optional<Rule> rule(UUID id) {
        return rules.find(id);
    }

    @Override
    @Transactional
    public Rule createRule(HealthCommands.RuleInput in, String username) {
        atHeadquarters();
        List<Rejection.Field> faults = new ArrayList<>();
        String code = in.code() == null ? "" : in.code().strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            faults.add(new Rejection.Field("code", "is required: 2 to 40 capital letters, digits and _, "
                    + "beginning with a letter"));
        }
        if (in.alertId() != null && alerts.find(in.alertId()).isEmpty()) {
            faults.add(new Rejection.Field("alertId", "is not a known alert"));
        }
        Rule rule = new Rule(Ids.newId(), in.alertId(), code, in.name(),
                in.alertId() == null ? countries(in.countries(), "countries", faults) : null,
                in.routes() == null ? List.of(Route.values()) : in.routes().stream().filter(Objects::nonNull).distinct().toList(),
                in.windowDays(), Boolean.TRUE.equals(in.measureTemperature()),
                in.feverFromC() == null ? ScreeningRules.DEFAULT_FEVER_FROM_C : in.feverFromC(),
                distinct(in.symptoms()), distinct(in.exposures()), Boolean.TRUE.equals(in.yellowFeverCertificate()),
                or(in.onFever()), or(in.onSymptom()), or(in.onExposure()), or(in.onNoCertificate()),
                blankToNull(in.referralFacility()), in.active() == null || in.active());
        if (in.alertId() != null && in.countries() != null && !in.countries().isEmpty()) {
            faults.add(new Rejection.Field("countries", "are the alert's for a rule of an alert: leave them out"));
        }
        validate(rule, faults);
        if (!faults.isEmpty()) {
            throw Rejection.invalidFields(faults);
        }
        if (rules.codeTaken(code)) {
            throw Rejection.conflict("rule-code-taken", "A rule with the code " + code + " exists already.");
        }
        rules.insert(rule, node.nodeId(), username, clock.instant());
        events.publishEvent(new HealthRulesChanged());
        return rule;
    }

    @Override
    @Transactional
    public Rule changeRule(UUID id, HealthCommands.RuleInput in, String username) {
        atHeadquarters();
        Rule was = rules.find(id).orElseThrow(() -> Rejection.notFound("Rule", "No screening rule has the id " + id + "."));
        List<Rejection.Field> faults = new ArrayList<>();
        if (in.code() != null && !in.code().strip().equalsIgnoreCase(was.code())) {
            faults.add(new Rejection.Field("code", "cannot change: screenings name their rules by it"));
        }
        if (in.alertId() != null && !in.alertId().equals(was.alertId())) {
            faults.add(new Rejection.Field("alertId", "cannot change: make a new rule for another alert"));
        }
        List<String> countries = was.alertId() != null ? null
                : in.countries() == null ? was.countries() : countries(in.countries(), "countries", faults);
        if (was.alertId() != null && in.countries() != null && !in.countries().isEmpty()) {
            faults.add(new Rejection.Field("countries", "are the alert's for a rule of an alert: leave them out"));
        }
        Rule rule = new Rule(was.id(), was.alertId(), was.code(), in.name() == null ? was.name() : in.name(), countries,
                in.routes() == null ? was.routes() : in.routes().stream().filter(Objects::nonNull).distinct().toList(),
                in.windowDays() == null ? was.windowDays() : in.windowDays(),
                in.measureTemperature() == null ? was.measureTemperature() : in.measureTemperature(),
                in.feverFromC() == null ? was.feverFromC() : in.feverFromC(),
                in.symptoms() == null ? was.symptoms() : distinct(in.symptoms()),
                in.exposures() == null ? was.exposures() : distinct(in.exposures()),
                in.yellowFeverCertificate() == null ? was.yellowFeverCertificate() : in.yellowFeverCertificate(),
                in.onFever() == null ? was.onFever() : in.onFever(),
                in.onSymptom() == null ? was.onSymptom() : in.onSymptom(),
                in.onExposure() == null ? was.onExposure() : in.onExposure(),
                in.onNoCertificate() == null ? was.onNoCertificate() : in.onNoCertificate(),
                in.referralFacility() == null ? was.referralFacility() : blankToNull(in.referralFacility()),
                in.active() == null ? was.active() : in.active());
        validate(rule, faults);
        if (!faults.isEmpty()) {
            throw Rejection.invalidFields(faults);
        }
        rules.update(rule, username, clock.instant());
        events.publishEvent(new HealthRulesChanged());
        return rule;
    }

    /** What the table's constraints would refuse, said by field before it gets there. */
    private static void validate(Rule rule, List<Rejection.Field> faults) {
        Alert.Texts name = rule.name();
        if (name == null || blank(name.en()) || blank(name.ar()) || blank(name.ckb())) {
            faults.add(new Rejection.Field("name", "is required in English, Arabic and Kurdish (en, ar, ckb)"));
        } else if (name.en().length() > 200 || name.ar().length() > 200 || name.ckb().length() > 200) {
            faults.add(new Rejection.Field("name", "is longer than 200 characters"));
        }
        if (rule.alertId() == null && rule.countries().isEmpty()) {
            faults.add(new Rejection.Field("countries", "are required for a standing rule: ICAO country codes"));
        }
        if (rule.routes().isEmpty()) {
            faults.add(new Rejection.Field("routes", "are required: NEIGHBOUR, ORIGIN, TRANSIT or DECLARED"));
        }
        if (rule.alertId() == null && rule.windowDays() == null) {
            faults.add(new Rejection.Field("windowDays", "is required for a standing rule: 0 to 60 days"));
        }
        if (rule.windowDays() != null && (rule.windowDays() < 0 || rule.windowDays() > 60)) {
            faults.add(new Rejection.Field("windowDays", "is 0 to 60 days"));
        }
        if (rule.feverFromC().compareTo(LOWEST_FEVER) < 0 || rule.feverFromC().compareTo(HIGHEST_FEVER) > 0
                || rule.feverFromC().scale() > 1) {
            faults.add(new Rejection.Field("feverFromC", "is 35.0 to 42.0 °C, to a tenth of a degree"));
        }
        if (!rule.measureTemperature() && rule.symptoms().isEmpty() && rule.exposures().isEmpty()
                && !rule.yellowFeverCertificate()) {
            faults.add(new Rejection.Field("measureTemperature",
                    "the rule asks nothing: measure the temperature, or list symptoms, exposures or the certificate"));
        }
        for (var entry : List.of(new Object[] {"onFever", rule.onFever()}, new Object[] {"onSymptom", rule.onSymptom()},
                new Object[] {"onExposure", rule.onExposure()}, new Object[] {"onNoCertificate", rule.onNoCertificate()})) {
            if (entry[1] == HealthOutcome.CLEARED) {
                faults.add(new Rejection.Field((String) entry[0],
                        "is SECONDARY, REFERRED or ISOLATED: a finding leads to more than clearance"));
            }
        }
        if (rule.referralFacility() != null && rule.referralFacility().length() > 200) {
            faults.add(new Rejection.Field("referralFacility", "is longer than 200 characters"));
        }
    }

    /** Known ICAO codes, upper case, each once; the faults named by index. */
    private List<String> countries(List<String> given, String field, List<Rejection.Field> faults) {
        Set<String> countries = new LinkedHashSet<>();
        if (given == null || given.isEmpty()) {
            faults.add(new Rejection.Field(field, "is required: ICAO country codes such as COD"));
            return List.of();
        }
        for (int i = 0; i < given.size(); i++) {
            String code = given.get(i) == null ? "" : given.get(i).strip().toUpperCase(Locale.ROOT);
            // A place, not a nationality status or an organisation: an outbreak is somewhere.
            boolean place = referenceData.icaoCodes().find(code)
                    .filter(c -> c.kind() == CountryKind.STATE || c.kind() == CountryKind.TERRITORY).isPresent();
            if (!place) {
                faults.add(new Rejection.Field(field + "[" + i + "]", "is not the ICAO code of a country or territory: "
                        + given.get(i)));
            } else {
                countries.add(code);
            }
        }
        return List.copyOf(countries);
    }

    /** Alerts and rules are made at headquarters and reach the posts by sync; a post changes none. */
    private void atHeadquarters() {
        if (role.post()) {
            throw Rejection.conflict("hq-only", "Outbreak alerts and screening rules are made at headquarters; "
                    + "this border post receives them from there.");
        }
    }

    private static Alert.Texts measures(Alert.Texts measures) {
        return measures == null ? new Alert.Texts(null, null, null)
                : new Alert.Texts(blankToNull(measures.en()), blankToNull(measures.ar()), blankToNull(measures.ckb()));
    }

    private static HealthOutcome or(HealthOutcome outcome) {
        return outcome == null ? HealthOutcome.SECONDARY : outcome;
    }

    private static <E> List<E> distinct(List<E> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).distinct().toList();
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Rejection notFound(UUID id) {
        return Rejection.notFound("Alert", "No outbreak alert has the id " + id + ".");
    }
}
