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
        Texts title = SopChecks.texts(command.title(), "title", SopChecks.MAX_TITLE, faults);
        Instant now = clock.instant();
        Sop.Version version = SopChecks.version(command.version(), "version.", 1, LocalDate.now(clock), null, username, now, faults);
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
        Sop.Version version = SopChecks.version(command, "", sop.latestVersion() + 1, LocalDate.now(clock), previousFrom, username, clock.instant(),
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
        String note = SopChecks.note(command.note(), "note", SopChecks.MAX_ADOPTION_NOTE, faults);
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
        } else if (auditor.length() > SopChecks.MAX_AUDITOR) {
            faults.add(new Rejection.Field("auditor", "is longer than " + SopChecks.MAX_AUDITOR + " characters"));
        }
        String note = SopChecks.note(command.note(), "note", SopChecks.MAX_AUDIT_NOTE, faults);
        List<SopAudit.Answer> answers = version.map(v -> SopChecks.answers(v.version(), command.answers(), faults)).orElse(List.of());
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
        ReadScope scope = accounts.ownScope(username);
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
        ReadScope scope = accounts.ownScope(username);
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
        if (!accounts.ownScope(username).allows(point)) {
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
