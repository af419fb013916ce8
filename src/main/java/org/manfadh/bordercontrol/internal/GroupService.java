package org.manfadh.bordercontrol.internal;

import org.manfadh.bordercontrol.GroupDesk;
import org.manfadh.bordercontrol.CrossingCommands;
import org.manfadh.bordercontrol.Caller;
import org.manfadh.bordercontrol.Crossing;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.manfadh.platform.Rejection;
import org.manfadh.bordercontrol.Decision;
import org.manfadh.bordercontrol.GroupClosed;
import org.manfadh.bordercontrol.CrossingCommands.DecideCrossing;
import org.manfadh.bordercontrol.CrossingCommands.DecideGroup;
import org.manfadh.bordercontrol.CrossingCommands.OpenGroup;
import org.manfadh.platform.NodeIdentity;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Groups at the border: opened with their vehicle and leader, members read one after another
 * (each still an individual crossing), then decided together or one by one.
 */
@Service
public class GroupService implements GroupDesk {

    private final Groups groups;
    private final Crossings crossings;
    private final CrossingViews views;
    private final CrossingRecorder recorder;
    private final ReferenceData referenceData;
    private final NodeIdentity node;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;

    GroupService(Groups groups, Crossings crossings, CrossingViews views, CrossingRecorder recorder,
                 ReferenceData referenceData, NodeIdentity node, JsonMapper json, Clock clock,
                 BorderJurisdiction jurisdiction, TransactionTemplate transaction, ApplicationEventPublisher events) {
        this.jurisdiction = jurisdiction;
        this.transaction = transaction;
        this.events = events;
        this.groups = groups;
        this.crossings = crossings;
        this.views = views;
        this.recorder = recorder;
        this.referenceData = referenceData;
        this.node = node;
        this.json = json;
        this.clock = clock;
    }

    private final BorderJurisdiction jurisdiction;

    /** A group at a border point where the caller works; any other is answered as not found. */
    private Groups.Group groupFor(UUID id, Caller caller) {
        return groups.find(id).filter(g -> jurisdiction.work(caller).allows(g.borderPoint()))
                .orElseThrow(() -> Rejection.notFound("Group", "No group has the id " + id + "."));
    }

    public Opened open(OpenGroup request, Caller caller) {
        BorderPoint point = referenceData.borderPoint(request.borderPoint().strip().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> Rejection.invalidField("borderPoint", "is not a known border point code"));
        jurisdiction.requireWorkAt(caller, point.code());
        String hash = org.manfadh.platform.Sha256.hex(json.writeValueAsString(request));
        var existing = groups.find(request.id());
        if (existing.isPresent()) {
            if (!existing.get().requestHash().equals(hash)) {
                throw Rejection.conflict("id-conflict", "Group " + request.id() + " was opened with different content.");
            }
            return new Opened(group(request.id(), caller), false);
        }
        try {
            groups.insert(new Groups.Group(request.id(), node.nodeId(), point.code(), request.direction().name(),
                    request.kind().name(), Texts.blankToNull(request.vehicle()),
                    Texts.blankToNull(request.leaderName()), Texts.blankToNull(request.leaderDocument()),
                    caller.username(), clock.instant(), null, null, hash));
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            return open(request, caller);
        }
        return new Opened(group(request.id(), caller), true);
    }

    /** The groups still open where the caller works, newest first. */
    public List<OpenGroupView> openGroups(Caller caller) {
        return groups.openAt(jurisdiction.work(caller).borderPointsOrNull(), 50).stream()
                .map(o -> new OpenGroupView(o.group().id(), o.group().borderPoint(), o.group().direction(),
                        o.group().kind(), o.group().vehicle(), o.group().leaderName(), o.group().openedBy(),
                        o.group().openedAt(), o.members()))
                .toList();
    }

    public GroupView group(UUID id, Caller caller) {
        Groups.Group g = groupFor(id, caller);
        LocalDate today = LocalDate.now(clock);
        List<Crossing> members = crossings.ofGroup(id).stream()
                .map(row -> views.crossing(row.id(), today).orElseThrow()).toList();
        return new GroupView(g.id(), g.nodeId(), g.borderPoint(), g.direction(), g.kind(), g.vehicle(), g.leaderName(),
                g.leaderDocument(), g.openedBy(), g.openedAt(), g.closedBy(), g.closedAt(), members);
    }

    public GroupView close(UUID id, Caller caller) {
        groupFor(id, caller);
        transaction.executeWithoutResult(status -> {
            if (groups.close(id, caller.username(), clock.instant())) {
                events.publishEvent(new GroupClosed(id));
            }
        });
        return group(id, caller);
    }

    /**
     * Decides every member still awaiting a decision. A member whose document fails validation is
     * not admitted with the others: it is left, with the reason, for a decision of its own.
     */
    public GroupDecision decide(UUID id, DecideGroup request, Caller caller) {
        groupFor(id, caller);
        if (request.decision() == Decision.PENDING) {
            throw Rejection.invalidField("decision", "is ADMITTED, REFERRED or REFUSED");
        }
        List<UUID> decided = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Crossing member : crossings.ofGroup(id)) {
            if (member.voided() || member.decision() != org.manfadh.bordercontrol.Decision.PENDING) {
                continue;
            }
            try {
                recorder.decide(member.id(), new DecideCrossing(request.decision(), request.reasonCode(), request.note(),
                        null, null, null), caller);
                decided.add(member.id());
            } catch (Rejection e) {
                String detail = e.detail();
                if (e.kind() == Rejection.Kind.INVALID) {
                    throw e;
                }
                skipped.add(new Skipped(member.id(), detail));
            }
        }
        return new GroupDecision(group(id, caller), decided, skipped);
    }
}
