package org.manfadh.capacity.equipment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.access.ReadScope;
import org.manfadh.capacity.CapacityCommands;
import org.manfadh.capacity.Premises;
import org.manfadh.capacity.ProjectStatus;
import org.manfadh.capacity.Texts;
import org.manfadh.platform.Ids;
import org.manfadh.platform.NodeIdentity;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;
import org.manfadh.platform.Rejection;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Premises upgrade projects: made with their milestones, moved on, spent on. Spending past the budget is recorded, as
 * money already gone, and the project shows it over budget. COMPLETED and CANCELLED are final.
 */
@Service
class PremisesRecords implements Premises {

    private static final BigDecimal MAX_MONEY = new BigDecimal("999999999999.99");
    private static final EnumSet<ProjectStatus> FINAL = EnumSet.of(ProjectStatus.COMPLETED, ProjectStatus.CANCELLED);

    private final Projects projects;
    private final CapacityGround ground;
    private final NodeIdentity node;
    private final Clock clock;

    PremisesRecords(Projects projects, CapacityGround ground, NodeIdentity node, Clock clock) {
        this.projects = projects;
        this.ground = ground;
        this.node = node;
        this.clock = clock;
    }

    @Override
    @Transactional
    public UUID create(CapacityCommands.CreateProject c, String username) {
        ground.atHeadquarters();
        List<Rejection.Field> faults = new ArrayList<>();
        String point = ground.knownPoint("borderPoint", c.borderPoint());
        if (point == null) {
            faults.add(new Rejection.Field("borderPoint", "is required: a border point's code"));
        }
        Texts title = title("title", c.title(), c.titles(), faults);
        if (c.budget() == null) {
            faults.add(new Rejection.Field("budget", "is required"));
        } else {
            money("budget", c.budget(), faults);
        }
        String currency = c.currency() == null || c.currency().isBlank() ? "USD" : c.currency().strip().toUpperCase(Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            faults.add(new Rejection.Field("currency", "is an ISO 4217 code of three letters, such as USD or IQD"));
        }
        if (c.startDate() != null && c.plannedEnd() != null && c.plannedEnd().isBefore(c.startDate())) {
            faults.add(new Rejection.Field("plannedEnd", "is before startDate"));
        }
        length("donor", c.donor(), 100, faults);
        length("programmePhase", c.programmePhase(), 100, faults);
        List<Texts> milestoneTitles = new ArrayList<>();
        List<CapacityCommands.CreateProject.Milestone> milestones = c.milestones() == null ? List.of() : c.milestones();
        if (milestones.size() > 50) {
            faults.add(new Rejection.Field("milestones", "are 50 at most"));
        }
        for (int i = 0; i < milestones.size(); i++) {
            var m = milestones.get(i);
            milestoneTitles.add(m == null ? null : title("milestones[" + i + "].title", m.title(), m.titles(), faults));
            if (m == null) {
                faults.add(new Rejection.Field("milestones[" + i + "]", "is empty"));
            }
        }
        if (!faults.isEmpty()) {
            throw Rejection.invalidFields(faults);
        }
        ground.workable(point, ground.scope(username));
        UUID id = Ids.newId();
        var now = clock.instant();
        ProjectStatus status = c.status() == null ? ProjectStatus.PLANNED : c.status();
        projects.insert(id, node.nodeId(), point, title, blankToNull(c.donor()), blankToNull(c.programmePhase()),
                c.budget(), currency, status, c.startDate(), c.plannedEnd(), username, now);
        for (int i = 0; i < milestones.size(); i++) {
            projects.insertMilestone(id, i + 1, milestoneTitles.get(i), milestones.get(i).dueOn(), milestones.get(i).doneOn());
        }
        return id;
    }

    @Override
    @Transactional
    public void recordSpend(UUID projectId, CapacityCommands.RecordSpend c, String username) {
        ground.atHeadquarters();
        Project project = visible(projects.lock(projectId), ground.scope(username), projectId);
        List<Rejection.Field> faults = new ArrayList<>();
        if (c.spentOn() == null) {
            faults.add(new Rejection.Field("spentOn", "is required"));
        } else if (c.spentOn().isAfter(LocalDate.now(clock))) {
            faults.add(new Rejection.Field("spentOn", "is after today"));
        }
        if (c.amount() == null || c.amount().signum() <= 0) {
            faults.add(new Rejection.Field("amount", "is required: more than 0"));
        } else {
            money("amount", c.amount(), faults);
        }
        length("note", c.note(), 2000, faults);
        if (!faults.isEmpty()) {
            throw Rejection.invalidFields(faults);
        }
        if (project.status() == ProjectStatus.CANCELLED) {
            throw Rejection.conflict("project-cancelled", "Project " + projectId + " is CANCELLED: nothing is spent on it.");
        }
        var now = clock.instant();
        projects.insertSpend(projectId, c.spentOn(), c.amount(), blankToNull(c.note()), username, now);
        projects.touch(projectId, now);
    }

    @Override
    @Transactional
    public ProjectDetail changeStatus(UUID projectId, ProjectStatusChange change, String username) {
        ground.atHeadquarters();
        ReadScope scope = ground.scope(username);
        Project project = visible(projects.lock(projectId), scope, projectId);
        if (change == null || change.status() == null) {
            throw Rejection.invalidField("status", "is required: PLANNED, IN_PROGRESS, ON_HOLD, COMPLETED or CANCELLED");
        }
        LocalDate today = LocalDate.now(clock);
        if (change.completedOn() != null && (change.status() != ProjectStatus.COMPLETED || change.completedOn().isAfter(today))) {
            throw Rejection.invalidField("completedOn", change.status() != ProjectStatus.COMPLETED
                    ? "is given for a COMPLETED project only" : "is after today");
        }
        if (FINAL.contains(project.status()) || project.status() == change.status()) {
            throw Rejection.conflict("illegal-status-change", "A project's status cannot move from " + project.status()
                    + " to " + change.status() + (FINAL.contains(project.status()) ? ": " + project.status() + " is final." : "."))
                    .with("from", project.status().name()).with("to", change.status().name());
        }
        LocalDate completed = change.status() == ProjectStatus.COMPLETED
                ? change.completedOn() == null ? today : change.completedOn() : null;
        projects.status(projectId, change.status(), completed, clock.instant());
        return detail(projects.find(projectId).orElseThrow());
    }

    @Override
    @Transactional
    public ProjectDetail milestoneDone(UUID projectId, int ordinal, LocalDate doneOn, String username) {
        ground.atHeadquarters();
        visible(projects.lock(projectId), ground.scope(username), projectId);
        LocalDate today = LocalDate.now(clock);
        LocalDate on = doneOn == null ? today : doneOn;
        if (on.isAfter(today)) {
            throw Rejection.invalidField("doneOn", "is after today");
        }
        if (!projects.milestoneDone(projectId, ordinal, on)) {
            throw Rejection.notFound("Milestone", "Project " + projectId + " has no milestone " + ordinal + ".");
        }
        projects.touch(projectId, clock.instant());
        return detail(projects.find(projectId).orElseThrow());
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Project> projects(String borderPoint, ProjectStatus status, PageRequest page, String username) {
        ReadScope scope = ground.scope(username);
        String point = ground.knownPoint("borderPoint", borderPoint);
        if (point != null && !scope.allows(point)) {
            return Page.of(List.of(), page, 0);
        }
        String[] points = scope.borderPointsOrNull();
        return Page.of(projects.page(point, status, points, page.size(), page.offset()), page,
                projects.count(point, status, points));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ProjectDetail> project(UUID projectId, String username) {
        ReadScope scope = ground.scope(username);
        return projects.find(projectId).filter(p -> scope.allows(p.borderPoint())).map(this::detail);
    }

    private ProjectDetail detail(Project p) {
        return new ProjectDetail(p, projects.milestones(p.id()), projects.spending(p.id()));
    }

    private static Project visible(Optional<Project> found, ReadScope scope, UUID id) {
        return found.filter(p -> scope.allows(p.borderPoint()))
                .orElseThrow(() -> Rejection.notFound("Project", "No premises project has the id " + id + "."));
    }

    /** The title in three languages: {@code titles}, or {@code title} alone as the English one. */
    private static Texts title(String field, String title, Texts titles, List<Rejection.Field> faults) {
        String en = titles != null && titles.en() != null && !titles.en().isBlank() ? titles.en().strip()
                : title == null ? null : title.strip();
        if (en == null || en.isEmpty()) {
            faults.add(new Rejection.Field(field, "is required: title, or titles with en"));
            return new Texts("", null, null);
        }
        Texts texts = new Texts(en, titles == null ? null : blankToNull(titles.ar()), titles == null ? null : blankToNull(titles.ckb()));
        if (texts.en().length() > 200 || length(texts.ar()) > 200 || length(texts.ckb()) > 200) {
            faults.add(new Rejection.Field(field, "is longer than 200 characters in a language"));
        }
        return texts;
    }

    private static void money(String field, BigDecimal amount, List<Rejection.Field> faults) {
        if (amount.signum() < 0 || amount.compareTo(MAX_MONEY) > 0 || amount.scale() > 2) {
            faults.add(new Rejection.Field(field, "is 0 to 999,999,999,999.99, to the cent"));
        }
    }

    private static void length(String field, String text, int max, List<Rejection.Field> faults) {
        if (text != null && text.length() > max) {
            faults.add(new Rejection.Field(field, "is longer than " + max + " characters"));
        }
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
