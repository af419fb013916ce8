package org.manfadh.bordercontrol.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.manfadh.platform.Ids;
import org.manfadh.platform.Rejection;
import org.manfadh.bordercontrol.Decision;
import org.manfadh.bordercontrol.Direction;
import org.manfadh.bordercontrol.GroupKind;
import org.manfadh.bordercontrol.BoothDesk;
import org.manfadh.bordercontrol.Caller;
import org.manfadh.bordercontrol.CrossingCommands.DecideGroup;
import org.manfadh.bordercontrol.CrossingCommands.OpenGroup;
import org.manfadh.bordercontrol.CrossingCommands.RecordCrossing;
import org.manfadh.bordercontrol.CrossingRecording;
import org.manfadh.bordercontrol.GroupDesk;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Groups at the booth, over the same service as the group API: a bus, a pilgrim group or a family
 * is opened at the officer's border point, its members' documents are scanned one after another
 * (each recorded as a crossing awaiting the group's decision, screened as it is recorded), and the
 * group is decided together; members whose document fails or whose screening referred them are
 * left for a decision of their own.
 */
@Controller
@PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'ADMIN')")
class GroupScreensController {

    private static final int MAX_MRZ = 1000;

    private final GroupDesk groups;
    private final CrossingRecording recorder;
    private final BoothDesk booth;
    private final ReferenceData referenceData;

    GroupScreensController(GroupDesk groups, CrossingRecording recorder, BoothDesk booth, ReferenceData referenceData) {
        this.groups = groups;
        this.recorder = recorder;
        this.booth = booth;
        this.referenceData = referenceData;
    }

    @GetMapping("/inspection/groups")
    String list(Model model, Authentication authentication) {
        Caller caller = Callers.of(authentication);
        List<BorderPoint> points = booth.workPoints(caller);
        model.addAttribute("borderPoints", points);
        model.addAttribute("openGroups", groups.openGroups(caller));
        model.addAttribute("kinds", GroupKind.values());
        return "inspection/groups";
    }

    @PostMapping("/inspection/groups")
    String open(@RequestParam String borderPoint, @RequestParam Direction direction, @RequestParam GroupKind kind,
                @RequestParam(defaultValue = "") String vehicle, @RequestParam(defaultValue = "") String leaderName,
                @RequestParam(defaultValue = "") String leaderDocument, Model model, Authentication authentication) {
        Caller caller = Callers.of(authentication);
        String point = borderPoint.strip().toUpperCase(Locale.ROOT);
        if (!booth.mayWorkAt(caller, point) || vehicle.length() > 40 || leaderName.length() > 200
                || leaderDocument.length() > 40) {
            model.addAttribute("openError", !booth.mayWorkAt(caller, point) ? "booth.outsideJurisdiction" : "group.tooLong");
            model.addAttribute("outsidePoint", point.length() > 3 ? point.substring(0, 3) : point);
            return list(model, authentication);
        }
        GroupDesk.Opened opened = groups.open(new OpenGroup(UUID.randomUUID(), point, direction, kind,
                vehicle.strip(), leaderName.strip(), leaderDocument.strip()), caller);
        return "redirect:/inspection/groups/" + opened.group().id();
    }

    @GetMapping("/inspection/groups/{id}")
    String group(@PathVariable UUID id, Model model, Authentication authentication) {
        show(id, model, Callers.of(authentication));
        return "inspection/group";
    }

    /** A member's document, scanned: recorded at once as a crossing awaiting the group's decision. */
    @PostMapping("/inspection/groups/{id}/members")
    String member(@PathVariable UUID id, @RequestParam(defaultValue = "") String mrz, @RequestParam UUID crossingId,
                  Model model, Authentication authentication,
                  @RequestHeader(value = "HX-Request", required = false) String htmx) {
        Caller caller = Callers.of(authentication);
        GroupDesk.GroupView group = groups.group(id, caller);
        if (mrz.isBlank()) {
            model.addAttribute("memberError", "problem.EMPTY_INPUT");
        } else if (mrz.length() > MAX_MRZ) {
            model.addAttribute("memberError", "check.tooLong");
        } else if (group.closedAt() != null) {
            model.addAttribute("memberError", "group.closed");
        } else {
            try {
                recorder.record(new RecordCrossing(crossingId, group.borderPoint(), Direction.valueOf(group.direction()),
                        null, null, mrz, null, null, null, null, null, null, null, null, null, null, id, null, null, null,
                        null, null, null), caller);
            } catch (Rejection e) {
                model.addAttribute("memberError", problemKey(e));
                model.addAttribute("mrz", mrz);
            }
        }
        show(id, model, caller);
        return htmx != null ? "inspection/group :: work" : "inspection/group";
    }

    /** The group decided together: every member still awaiting a decision. */
    @PostMapping("/inspection/groups/{id}/decision")
    String decide(@PathVariable UUID id, @RequestParam Decision decision,
                  @RequestParam(required = false) String reasonCode, Model model, Authentication authentication,
                  @RequestHeader(value = "HX-Request", required = false) String htmx) {
        Caller caller = Callers.of(authentication);
        if (decision == Decision.PENDING) {
            model.addAttribute("decisionError", "decide.unknown");
        } else if (decision == Decision.REFUSED && (reasonCode == null || reasonCode.isBlank())) {
            model.addAttribute("decisionError", "decide.reasonRequired");
        } else {
            try {
                GroupDesk.GroupDecision done = groups.decide(id, new DecideGroup(decision,
                        decision == Decision.REFUSED ? reasonCode.strip() : null, null), caller);
                model.addAttribute("decided", done.decided().size());
                model.addAttribute("skipped", done.skipped().stream().map(GroupDesk.Skipped::crossingId).toList());
            } catch (Rejection e) {
                model.addAttribute("decisionError", problemKey(e));
            }
        }
        show(id, model, caller);
        return htmx != null ? "inspection/group :: work" : "inspection/group";
    }

    @PostMapping("/inspection/groups/{id}/close")
    String close(@PathVariable UUID id, Authentication authentication) {
        groups.close(id, Callers.of(authentication));
        return "redirect:/inspection/groups/" + id;
    }

    private void show(UUID id, Model model, Caller caller) {
        GroupDesk.GroupView group = groups.group(id, caller);
        model.addAttribute("group", group);
        model.addAttribute("waiting", group.members().stream().filter(m -> m.decision() == Decision.PENDING).count());
        model.addAttribute("crossingId", Ids.newId());
        model.addAttribute("reasons", referenceData.refusalReasons().stream()
                .filter(r -> r.appliesTo(group.direction())).toList());
    }

    private static String problemKey(Rejection e) {
        String name = e.code();
        return switch (name) {
            case "document-invalid", "document-unreadable", "invalid-fields", "forbidden", "id-conflict" ->
                    "decide.problem." + name;
            case "group-closed" -> "group.closed";
            default -> "decide.problem.other";
        };
    }
}
