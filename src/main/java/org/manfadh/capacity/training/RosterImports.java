package org.manfadh.capacity.training;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.manfadh.access.Accounts;
import org.manfadh.access.ReadScope;
import org.manfadh.capacity.Agency;
import org.manfadh.capacity.Participant;
import org.manfadh.capacity.Session;
import org.manfadh.capacity.Sex;
import org.manfadh.capacity.TrainingRecords.RosterResult;
import org.manfadh.platform.Ids;
import org.manfadh.platform.NodeIdentity;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * A roster file's rows into a session's participants: every row checked and matched to a person before anything is
 * written (by account, else by folded name and sex), every bad row named; then all are added, or none.
 */
@Component
class RosterImports {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final Sessions sessions;
    private final Enrolments enrolments;
    private final ReferenceData referenceData;
    private final Accounts accounts;
    private final NodeIdentity node;
    private final Clock clock;

    RosterImports(Sessions sessions, Enrolments enrolments, ReferenceData referenceData, Accounts accounts,
                  NodeIdentity node, Clock clock) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.enrolments = enrolments;
        this.referenceData = referenceData;
        this.node = node;
        this.clock = clock;
    }

    /** Adds the rows to the session, all or none; the caller holds the transaction and has checked the session. */
    RosterResult importInto(Session session, List<RosterFiles.Row> rows, ReadScope scope, String username) {
        UUID sessionId = session.id();
        List<RosterFiles.Fault> faults = new ArrayList<>();
        record Planned(RosterFiles.Row row, Optional<Enrolments.PersonRow> person, String name, Sex sex, String account,
                       Agency agency, String rank, String point, BigDecimal pre, BigDecimal post, Boolean attended) {
        }
        List<Planned> planned = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (RosterFiles.Row row : rows) {
            Map<String, String> cells = row.cells();
            int n = row.number();
            int before = faults.size();
            String name = cells.get("name");
            if (name != null && name.length() > 200) {
                faults.add(new RosterFiles.Fault(n, "name", "too-long", "is at most 200 characters"));
            }
            Sex sex = null;
            if (cells.containsKey("sex")) {
                sex = sexOf(cells.get("sex"));
                if (sex == null) {
                    faults.add(new RosterFiles.Fault(n, "sex", "sex", "is F or M, not '" + cells.get("sex") + "'"));
                }
            }
            Agency agency = null;
            if (!cells.containsKey("agency")) {
                faults.add(new RosterFiles.Fault(n, "agency", "required", "is required: " + names(Agency.values())));
            } else {
                try {
                    agency = Agency.valueOf(cells.get("agency").toUpperCase(Locale.ROOT).replace(' ', '_'));
                } catch (IllegalArgumentException e) {
                    faults.add(new RosterFiles.Fault(n, "agency", "agency", "is one of " + names(Agency.values())
                            + ", not '" + cells.get("agency") + "'"));
                }
            }
            String rank = cells.get("rank");
            if (rank != null && rank.length() > 100) {
                faults.add(new RosterFiles.Fault(n, "rank", "too-long", "is at most 100 characters"));
            }
            String point = null;
            if (cells.containsKey("borderPoint")) {
                point = cells.get("borderPoint").toUpperCase(Locale.ROOT);
                if (!point.matches("[A-Z]{3}") || referenceData.borderPoint(point).isEmpty()) {
                    faults.add(new RosterFiles.Fault(n, "borderPoint", "border-point",
                            "is not a known border point's code: " + cells.get("borderPoint")));
                } else if (!scope.allows(point)) {
                    faults.add(new RosterFiles.Fault(n, "borderPoint", "out-of-jurisdiction",
                            "is outside your jurisdiction"));
                }
            } else if (!scope.everywhere()) {
                faults.add(new RosterFiles.Fault(n, "borderPoint", "required",
                        "is required: your jurisdiction is not the whole country"));
            }
            String account = cells.get("account");
            if (account != null && account.length() > 100) {
                faults.add(new RosterFiles.Fault(n, "account", "too-long", "is at most 100 characters"));
            }
            BigDecimal pre = scoreCell(cells, "preTestScore", n, faults);
            BigDecimal post = scoreCell(cells, "postTestScore", n, faults);
            Boolean attended = null;
            if (cells.containsKey("attended")) {
                attended = flagOf(cells.get("attended"));
                if (attended == null) {
                    faults.add(new RosterFiles.Fault(n, "attended", "flag", "is yes or no (true/false, 1/0), not '"
                            + cells.get("attended") + "'"));
                }
            }
            if (faults.size() > before) {
                continue;
            }
            Optional<Enrolments.PersonRow> person = Optional.empty();
            if (account != null) {
                person = enrolments.personByAccount(account);
                if (person.isEmpty() && !accounts.exists(account)) {
                    faults.add(new RosterFiles.Fault(n, "account", "no-account",
                            "is no account of Manfadh: leave it empty for a person without one"));
                    continue;
                }
            }
            if (person.isEmpty() && name != null && sex != null) {
                person = enrolments.personByName(NameKeys.of(name), sex)
                        .filter(p -> p.account() == null || p.account().equals(account));
            }
            if (person.isEmpty() && (name == null || sex == null)) {
                faults.add(new RosterFiles.Fault(n, name == null ? "name" : "sex", "new-person",
                        "is required for a person not known yet (name and sex)"));
                continue;
            }
            String who = person.map(p -> p.id().toString())
                    .orElse(account != null ? "account:" + account : "name:" + NameKeys.of(name) + "/" + sex);
            Integer earlier = seen.putIfAbsent(who, n);
            if (earlier != null) {
                faults.add(new RosterFiles.Fault(n, name != null ? "name" : "account", "duplicate-row",
                        "names the same person as row " + earlier));
                continue;
            }
            if (person.isPresent() && enrolments.enrolled(sessionId, person.get().id())) {
                faults.add(new RosterFiles.Fault(n, name != null ? "name" : "account", "already-enrolled",
                        "takes part in this session already"));
                continue;
            }
            planned.add(new Planned(row, person, name, sex, account, agency, rank, point, pre, post, attended));
        }
        sessions.lock(sessionId);
        int room = session.capacity() - enrolments.count(sessionId);
        if (faults.isEmpty() && planned.size() > room) {
            faults.add(new RosterFiles.Fault(planned.get(Math.max(room, 0)).row().number(), "name", "session-full",
                    "is beyond the session's capacity of " + session.capacity() + " (" + Math.max(room, 0)
                            + " places left)"));
        }
        if (!faults.isEmpty()) {
            throw RosterFiles.rowFaults(faults);
        }
        Instant now = clock.instant();
        List<UUID> added = new ArrayList<>();
        int newPeople = 0;
        for (Planned p : planned) {
            UUID person;
            if (p.person().isPresent()) {
                person = p.person().get().id();
                if (p.account() != null && p.person().get().account() == null) {
                    enrolments.linkAccount(person, p.account());
                }
            } else {
                person = Ids.newId();
                enrolments.insertPerson(person, node.nodeId(), p.name(), p.sex(), p.account(), now);
                newPeople++;
            }
            UUID id = Ids.newId();
            try {
                enrolments.insert(id, node.nodeId(), sessionId, person, p.agency(), p.rank(), p.point(), p.pre(),
                        p.post(), Boolean.TRUE.equals(p.attended()), p.attended() != null, null, username, now);
            } catch (DuplicateKeyException e) {
                // Added to the session by someone else since the rows were checked: the transaction undoes the rest.
                throw RosterFiles.rowFaults(List.of(new RosterFiles.Fault(p.row().number(),
                        p.name() != null ? "name" : "account", "already-enrolled", "takes part in this session already")));
            }
            added.add(id);
        }
        Set<UUID> ids = Set.copyOf(added);
        List<Participant> participants = enrolments.ofSession(sessionId, scope.borderPointsOrNull()).stream()
                .filter(p -> ids.contains(p.id())).toList();
        return new RosterResult(added.size(), newPeople, participants);
    }

    private static BigDecimal scoreCell(Map<String, String> cells, String column, int row,
                                        List<RosterFiles.Fault> faults) {
        String text = cells.get(column);
        if (text == null) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text.replace('%', ' ').strip().replace(',', '.'));
            if (value.compareTo(BigDecimal.ZERO) >= 0 && value.compareTo(HUNDRED) <= 0 && value.scale() <= 2) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        faults.add(new RosterFiles.Fault(row, column, "score", "is a score from 0 to 100, not '" + text + "'"));
        return null;
    }

    private static Sex sexOf(String text) {
        return switch (NameKeys.of(text)) {
            case "f", "female", "woman", "انثي", "امراه", "مێ", "ئافرەت" -> Sex.F;
            case "m", "male", "man", "ذكر", "رجل", "نێر", "پیاو" -> Sex.M;
            default -> null;
        };
    }

    private static Boolean flagOf(String text) {
        return switch (NameKeys.of(text)) {
            case "true", "yes", "y", "1", "x", "نعم", "بەڵێ", "بەلێ" -> Boolean.TRUE;
            case "false", "no", "n", "0", "لا", "نەخێر" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static String names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }
}
