package org.manfadh.capacity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;

import jakarta.validation.constraints.Size;

/** Premises upgrade projects at border points: milestones, budget and spending. */
public interface Premises {

    /** Creates a project with its milestones; returns its id. */
    UUID create(CapacityCommands.CreateProject command, String username);

    void recordSpend(UUID projectId, CapacityCommands.RecordSpend command, String username);

    /** COMPLETED and CANCELLED are final; COMPLETED sets the day it was completed (today when not given). */
    ProjectDetail changeStatus(UUID projectId, ProjectStatusChange change, String username);

    /** Marks a milestone done on a day (today when not given). */
    ProjectDetail milestoneDone(UUID projectId, int ordinal, LocalDate doneOn, String username);

    Page<Project> projects(String borderPoint, ProjectStatus status, PageRequest page, String username);

    /** Empty when there is none or it is out of the caller's sight. */
    Optional<ProjectDetail> project(UUID projectId, String username);

    record ProjectStatusChange(ProjectStatus status, LocalDate completedOn, @Size(max = 2000) String note) {
    }

    /** A project and its money: {@code overBudget} when more has been spent than budgeted. */
    record Project(UUID id, String borderPoint, Texts title, String donor, String programmePhase, BigDecimal budget,
                   String currency, ProjectStatus status, LocalDate startDate, LocalDate plannedEnd,
                   LocalDate completedOn, BigDecimal spent, BigDecimal remaining, boolean overBudget,
                   int milestones, int milestonesDone) {
    }

    record ProjectMilestone(int ordinal, Texts title, LocalDate dueOn, LocalDate doneOn) {
    }

    record ProjectSpend(UUID id, LocalDate spentOn, BigDecimal amount, String note, String by, Instant at) {
    }

    record ProjectDetail(Project project, List<ProjectMilestone> milestones, List<ProjectSpend> spending) {
    }
}
