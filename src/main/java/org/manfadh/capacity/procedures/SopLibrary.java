package org.manfadh.capacity.procedures;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import org.manfadh.access.Accounts;
import org.manfadh.access.ReadScope;
import org.manfadh.capacity.AdoptionStage;
import org.manfadh.capacity.CapacityCommands;
import org.manfadh.capacity.Procedures;
import org.manfadh.capacity.Sop;
import org.manfadh.capacity.SopAdoption;
import org.manfadh.capacity.SopAudit;
import org.manfadh.capacity.SopKind;
import org.manfadh.capacity.Texts;
import org.manfadh.platform.Ids;
import org.manfadh.platform.NodeIdentity;
import org.manfadh.platform.NodeRole;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;
import org.manfadh.platform.Rejection;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Standard operating procedures kept at headquarters: an SOP is made with its first version, and every change of its
 * text or checklist is a new version, numbered one after another under the SOP's row lock. Adoption steps and audits
 * are appended, never changed. Everything a client gives is checked whole before anything is written; what is wrong
 * is named by field (and by checklist item) in one refusal.
 */
@Service
class SopLibrary implements Procedures {

    static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{1,29}");
    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 100_000;
    static final int MAX_ITEM = 1000;
    static final int MAX_ITEMS = 100;
    static final int MAX_CHANGE_NOTE = 2000;
    static final int MAX_ADOPTION_NOTE = 2000;
    static final int MAX_AUDIT_NOTE = 4000;
    static final int MAX_ANSWER_NOTE = 1000;
    static final int MAX_AUDITOR = 200;

    private final Sops sops;
    private final Adoptions adoptions;
    private final SopAudits audits;
    private final Accounts accounts;
    private final ReferenceData reference;
    private final NodeIdentity node;
    private final NodeRole role;
    private final Clock clock;

    SopLibrary(Sops sops, Adoptions adoptions, SopAudits audits, Accounts accounts, ReferenceData reference,
               NodeIdentity node, NodeRole role, Clock clock) {
        this.sops = sops;
        this.adoptions = adoptions;
        this.audits = audits;
        this.accounts = accounts;
        this.reference = reference;
        this.node = node;
        this.role = role;
        this.clock = clock;
    }

    @Override
    @Transactional
    public UUID create(CapacityCommands.CreateSop command, String username) {
        atHeadquarters();
        if (command == null) {
            throw Rejection.invalid("invalid-body", "The request needs a JSON body with code, kind, title and version.");
        }
        List<Rejection.Field> faults = new ArrayList<>();
        String code = command.code() == null ? "" : command.code().strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            faults.add(new Rejection.Field("code", command.code() == null || command.code().isBlank()
                    ? "is required: 2 to 30 capital letters, digits, - or _"
                    : "'" + command.code() + "' is not 2 to 30 capital letters, digits, - or _, beginning with a letter or digit"));
        }
        if (command.kind() == null) {
            faults.add(new Rejection.Field("kind", "is required: " + List.of(SopKind.values())));
        }
        Texts title = texts(command.title(), "title", MAX_TITLE, faults);
        Instant now = clock.instant();
        Sop.Version version = version(command.version(), "version.", 1, null, username, now, faults);
        if (!faults.isEmpty()) {
            throw Rejection.invalidFields(faults);
        }
        if (sops.codeTaken(code)) {
            throw codeTaken(code);
        }
        UUID id = Ids.newId();
        try {
            sops.insert(id, node.nodeId(), code, command.kind(), title, username, now);
        } catch (DuplicateKeyException e) {
            throw codeTaken(code);
        }
        sops.insertVersion(id, version);
        return id;
    }

    @Override
    @Transactional
    public int addVersion(UUID sopId, CapacityCommands.SopVersionInput command, String username) {
        atHeadquarters();
        Sop sop = sops.lock(sopId).orElseThrow(() -> notFound(sopId));
        if (sop.retiredAt() != null) {
            throw retired(sop);
        }
        LocalDate previousFrom = sops.version(sopId, sop.latestVersion()).orElseThrow().version().effectiveFrom();
        List<Rejection.Field> faults = new ArrayList<>();
        Sop.Version version = version(command, "", sop.latestVersion() + 1, previousFrom, username, clock.instant(),
                faults);
        if (!faults.isEmpty()) {
            throw Rejection.invalidFields(faults);
        }
        sops.insertVersion(sopId, version);
        return version.version();
    }

    @Override
    @Transactional
    public Sop.Detail retire(UUID sopId, String username) {
        atHeadquarters();
        Sop sop = sops.lock(sopId).orElseThrow(() -> notFound(sopId));
        if (sop.retiredAt() != null || !sops.retire(sopId, clock.instant())) {
            throw retired(sop);
        }
        return sop(sopId).orElseThrow();
    }

    @Override
    @Transactional
    public SopAdoption adopt(UUID sopId, CapacityCommands.RecordAdoption command, String username) {
        atHeadquarters();
        if (command == null) {
            throw Rejection.invalid("invalid-body", "The request needs a JSON body with borderPoint and stage.");
        }
        Sop sop = sops.find(sopId).orElseThrow(() -> notFound(sopId));
        List<Rejection.Field> faults = new ArrayList<>();
        String point = borderPoint(command.borderPoint(), faults);
        if (command.stage() == null) {
            faults.add(new Rejection.Field("stage", "is required: TRAINED, ADOPTED or AUDITED"));
        }
        Optional<Sops.StoredVersion> version = version(sop, command.version(), faults);
        LocalDate on = day(command.onDate(), "onDate", faults);
        String note = note(command.note(), "note", MAX_ADOPTION_NOTE, faults);
        if (!faults.isEmpty()) {
            throw Rejection.invalidFields(faults);
        }
        inScope(point, username);
        if (sop.retiredAt() != null) {
            throw retired(sop);
        }
        Sops.StoredVersion v = version.orElseThrow();
        SopAdoption step = new SopAdoption(Ids.newId(), sopId, point, command.stage(), v.version().version(), on, note,
                username, clock.instant());
        adoptions.insert(step, v.id());
        return step;
    }

    @Override
    @Transactional
    public SopAudit audit(UUID sopId, CapacityCommands.RecordAudit command, String username) {
        atHeadquarters();
        if (command == null) {
            throw Rejection.invalid("invalid-body",
                    "The request needs a JSON body with borderPoint, auditedOn, auditor and answers.");
        }
        Sop sop = sops.find(sopId).orElseThrow(() -> notFound(sopId));
        List<Rejection.Field> faults = new ArrayList<>();
        String point = borderPoint(command.borderPoint(), faults);
        Optional<Sops.StoredVersion> version = version(sop, command.version(), faults);
        LocalDate on = command.auditedOn() == null ? null : day(command.auditedOn(), "auditedOn", faults);
        if (command.auditedOn() == null) {
            faults.add(new Rejection.Field("auditedOn", "is required: the day of the audit, YYYY-MM-DD"));
        }
        String auditor = command.auditor() == null ? "" : command.auditor().strip();
        if (auditor.isEmpty()) {
            faults.add(new Rejection.Field("auditor", "is required: who audited"));
        } else if (auditor.length() > MAX_AUDITOR) {
            faults.add(new Rejection.Field("auditor", "is longer than " + MAX_AUDITOR + " characters"));
        }
        String note = note(command.note(), "note", MAX_AUDIT_NOTE, faults);
        List<SopAudit.Answer> answers = version.map(v -> answers(v.version(), command.answers(), faults)).orElse(List.of());
        BigDecimal score = null;
        if (faults.isEmpty()) {
            Optional<BigDecimal> scored = AuditScore.of(answers.stream().map(SopAudit.Answer::result).toList());
            if (scored.isEmpty()) {
                faults.add(new Rejection.Field("answers", "are all NOT_APPLICABLE: an audit needs an item that applies"));
            } else {
                score = scored.get();
            }
        }
        if (!faults.isEmpty()) {
            throw Rejection.invalidFields(faults);
        }
        inScope(point, username);
        if (sop.retiredAt() != null) {
            throw retired(sop);
        }
        Sops.StoredVersion v = version.orElseThrow();
        Instant now = clock.instant();
        SopAudit audit = new SopAudit(Ids.newId(), sopId, sop.code(), v.version().version(), point, on, auditor, score,
                note, username, now, answers);
        audits.insert(audit, v.id(), sops.itemIds(v.id()));
        adoptions.insert(new SopAdoption(Ids.newId(), sopId, point, AdoptionStage.AUDITED,
                v.version().version(), on, null, username, now), v.id());
        return audit;
    }

    /** One answer per item of the version's checklist, in its order; every fault named by index or item. */
    private static List<SopAudit.Answer> answers(Sop.Version version, List<CapacityCommands.RecordAudit.Answer> given,
                                                 List<Rejection.Field> faults) {
        if (version.checklist().isEmpty()) {
            faults.add(new Rejection.Field("version", "version " + version.version()
                    + " has no checklist: there is nothing to audit"));
            return List.of();
        }
        if (given == null || given.isEmpty()) {
            faults.add(new Rejection.Field("answers", "are required: one for each item of version "
                    + version.version() + "'s checklist, 1 to " + version.checklist().size()));
            return List.of();
        }
        if (given.size() > MAX_ITEMS) {
            faults.add(new Rejection.Field("answers", "are more than " + MAX_ITEMS));
            return List.of();
        }
        Map<Integer, Sop.Item> items = new java.util.LinkedHashMap<>();
        version.checklist().forEach(i -> items.put(i.item(), i));
        Map<Integer, SopAudit.Answer> answered = new java.util.TreeMap<>();
        for (int i = 0; i < given.size(); i++) {
            CapacityCommands.RecordAudit.Answer answer = given.get(i);
            String at = "answers[" + i + "]";
            if (answer == null) {
                faults.add(new Rejection.Field(at, "is empty"));
                continue;
            }
            Sop.Item item = answer.item() == null ? null : items.get(answer.item());
            if (answer.item() == null) {
                faults.add(new Rejection.Field(at + ".item", "is required: the item's number, 1 to " + items.size()));
            } else if (item == null) {
                faults.add(new Rejection.Field(at + ".item", "item " + answer.item() + " is not in version "
                        + version.version() + "'s checklist (items 1 to " + items.size() + ")"));
            } else if (answered.containsKey(answer.item())) {
                faults.add(new Rejection.Field(at + ".item", "item " + answer.item() + " is answered more than once"));
            }
            if (answer.result() == null) {
                faults.add(new Rejection.Field(at + ".result", "is required: MET, PARTLY, NOT_MET or NOT_APPLICABLE"));
            }
            String note = answer.note() == null || answer.note().isBlank() ? null : answer.note().strip();
            if (note != null && note.length() > MAX_ANSWER_NOTE) {
                faults.add(new Rejection.Field(at + ".note", "is longer than " + MAX_ANSWER_NOTE + " characters"));
            }
            if (item != null && !answered.containsKey(answer.item())) {
                answered.put(answer.item(), new SopAudit.Answer(item.item(), item.text(), answer.result(), note));
            }
        }
        Set<Integer> missing = new TreeSet<>(items.keySet());
        missing.removeAll(answered.keySet());
        if (!missing.isEmpty()) {
            faults.add(new Rejection.Field("answers", "every item is answered once; not answered: "
                    + String.join(", ", missing.stream().map(String::valueOf).toList())));
        }
        return List.copyOf(answered.values());
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Sop> sops(SopKind kind, PageRequest page) {
        return Page.of(sops.page(kind, page.size(), page.offset()), page, sops.count(kind));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Sop.Detail> sop(UUID id) {
        return sops.find(id).map(this::detail);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Sop.Detail> sopByCode(String code) {
        return code == null ? Optional.empty()
                : sops.findByCode(code.strip().toUpperCase(Locale.ROOT)).map(this::detail);
    }

    private Sop.Detail detail(Sop sop) {
        return new Sop.Detail(sop.id(), sop.code(), sop.kind(), sop.title(), sop.latestVersion(), sop.retiredAt(),
                sop.createdBy(), sop.createdAt(), sops.versions(sop.id()),
                sops.version(sop.id(), sop.latestVersion()).map(Sops.StoredVersion::version).orElse(null));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Sop.Version> version(UUID sopId, int version) {
        return sops.version(sopId, version).map(Sops.StoredVersion::version);
    }

    @Override
    @Transactional(readOnly = true)
    public List<SopAdoption.Standing> adoption(String borderPoint, String username) {
        return adoptions.standings(points(borderPoint, username));
    }

    @Override
    @Transactional(readOnly = true)
    public Page<SopAdoption> adoptionSteps(UUID sopId, String borderPoint, PageRequest page, String username) {
        String[] points = points(borderPoint, username);
        return Page.of(adoptions.page(sopId, points, page.size(), page.offset()), page, adoptions.count(sopId, points));
    }

    @Override
    @Transactional(readOnly = true)
    public Page<SopAudit> audits(UUID sopId, String borderPoint, PageRequest page, String username) {
        if (sops.find(sopId).isEmpty()) {
            throw notFound(sopId);
        }
        String[] points = points(borderPoint, username);
        return Page.of(audits.page(sopId, points, page.size(), page.offset()), page, audits.count(sopId, points));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<SopAudit> findAudit(UUID auditId, String username) {
        ReadScope scope = accounts.workScope(username);
        return audits.find(auditId).filter(a -> scope.allows(a.borderPoint()));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Integer> adoptedByBorderPoint(LocalDate day) {
        return adoptions.adoptedAsAt(day);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<BigDecimal> meanAuditScore(LocalDate from, LocalDate to, Set<String> borderPoints) {
        return audits.meanScore(from, to, borderPoints == null ? null
                : borderPoints.stream().sorted().toArray(String[]::new));
    }

    /** The points to read: the one given (unknown: 400; outside the caller's scope: 404), or all in scope (null: all). */
    private String[] points(String borderPoint, String username) {
        ReadScope scope = accounts.workScope(username);
        if (borderPoint == null || borderPoint.isBlank()) {
            return scope.borderPointsOrNull();
        }
        String point = borderPoint.strip().toUpperCase(Locale.ROOT);
        if (reference.borderPoint(point).isEmpty()) {
            throw Rejection.invalidField("borderPoint", "'" + borderPoint + "' is not a border point's code");
        }
        if (!scope.allows(point)) {
            throw Rejection.notFound("Border point", "No border point " + point + " is in your work scope.");
        }
        return new String[] {point};
    }

    private void inScope(String point, String username) {
        if (!accounts.workScope(username).allows(point)) {
            throw Rejection.of(Rejection.Kind.FORBIDDEN, "out-of-jurisdiction", "Forbidden",
                    "Border point " + point + " is outside your jurisdiction.");
        }
    }

    private String borderPoint(String given, List<Rejection.Field> faults) {
        String point = given == null ? "" : given.strip().toUpperCase(Locale.ROOT);
        if (point.isEmpty()) {
            faults.add(new Rejection.Field("borderPoint", "is required: a border point's three-letter code"));
            return null;
        }
        if (reference.borderPoint(point).isEmpty()) {
            faults.add(new Rejection.Field("borderPoint", "'" + given + "' is not a border point's code"));
            return null;
        }
        return point;
    }

    /** The version named (the latest when none is), or a fault naming the versions there are. */
    private Optional<Sops.StoredVersion> version(Sop sop, Integer number, List<Rejection.Field> faults) {
        int wanted = number == null ? sop.latestVersion() : number;
        Optional<Sops.StoredVersion> version = wanted < 1 ? Optional.empty() : sops.version(sop.id(), wanted);
        if (version.isEmpty()) {
            faults.add(new Rejection.Field("version", "SOP " + sop.code() + " has no version " + number
                    + ": its versions are 1 to " + sop.latestVersion()));
        }
        return version;
    }

    /** A day not after today on the border's calendar; today when none is given. */
    private LocalDate day(LocalDate given, String field, List<Rejection.Field> faults) {
        LocalDate today = LocalDate.now(clock);
        if (given == null) {
            return today;
        }
        if (given.isAfter(today)) {
            faults.add(new Rejection.Field(field, "is after today (" + today + ")"));
        }
        return given;
    }

    /** A version's content checked field by field; {@code prefix} names where it sits in the request. */
    private Sop.Version version(CapacityCommands.SopVersionInput input, String prefix, int number,
                                LocalDate previousFrom, String username, Instant now, List<Rejection.Field> faults) {
        if (input == null) {
            faults.add(new Rejection.Field(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1),
                    "is required: body (en, ar, ckb), changeNote, effectiveFrom and checklist"));
            return null;
        }
        Texts body = texts(input.body(), prefix + "body", MAX_BODY, faults);
        String changeNote = note(input.changeNote(), prefix + "changeNote", MAX_CHANGE_NOTE, faults);
        LocalDate from = input.effectiveFrom() == null ? LocalDate.now(clock) : input.effectiveFrom();
        if (previousFrom != null && from.isBefore(previousFrom)) {
            faults.add(new Rejection.Field(prefix + "effectiveFrom", "is before version " + (number - 1)
                    + "'s first day, " + previousFrom));
        }
        List<Sop.Item> items = new ArrayList<>();
        if (input.checklist() != null) {
            if (input.checklist().size() > MAX_ITEMS) {
                faults.add(new Rejection.Field(prefix + "checklist", "has more than " + MAX_ITEMS + " items"));
            } else {
                for (int i = 0; i < input.checklist().size(); i++) {
                    Texts text = texts(input.checklist().get(i), prefix + "checklist[" + i + "]", MAX_ITEM, faults);
                    if (text != null) {
                        items.add(new Sop.Item(items.size() + 1, text));
                    }
                }
            }
        }
        return new Sop.Version(number, body, changeNote, from, username, now, List.copyOf(items));
    }

    /** A text in three languages: English required, each stripped, a blank one absent, none longer than {@code max}. */
    private static Texts texts(Texts given, String field, int max, List<Rejection.Field> faults) {
        if (given == null || given.en() == null || given.en().isBlank()) {
            faults.add(new Rejection.Field(field + (given == null ? "" : ".en"), "is required in English (en); "
                    + "Arabic (ar) and Kurdish (ckb) fall back to it"));
            return null;
        }
        Texts text = new Texts(given.en().strip(), blankToNull(given.ar()), blankToNull(given.ckb()));
        for (String language : List.of("en", "ar", "ckb")) {
            String value = switch (language) {
                case "ar" -> text.ar();
                case "ckb" -> text.ckb();
                default -> text.en();
            };
            if (value != null && value.length() > max) {
                faults.add(new Rejection.Field(field + "." + language, "is longer than " + max + " characters"));
            }
        }
        return text;
    }

    private static String note(String given, String field, int max, List<Rejection.Field> faults) {
        String note = blankToNull(given);
        if (note != null && note.length() > max) {
            faults.add(new Rejection.Field(field, "is longer than " + max + " characters"));
        }
        return note;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** SOPs and their adoption are kept at headquarters; a post reads them. */
    private void atHeadquarters() {
        if (role.post()) {
            throw Rejection.conflict("hq-only", "Standard operating procedures, their adoption and audits are "
                    + "recorded at headquarters; this border post reads them.");
        }
    }

    private static Rejection codeTaken(String code) {
        return Rejection.conflict("sop-code-taken", "An SOP with the code " + code + " exists already.");
    }

    private static Rejection retired(Sop sop) {
        return Rejection.conflict("sop-retired", "SOP " + sop.code() + " was retired on " + sop.retiredAt()
                + ": it takes no new version, adoption or audit.");
    }

    private static Rejection notFound(UUID id) {
        return Rejection.notFound("SOP", "No SOP has the id " + id + ".");
    }
}
