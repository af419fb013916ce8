package org.manfadh.capacity.procedures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.manfadh.capacity.CapacityCommands;
import org.manfadh.capacity.Sop;
import org.manfadh.capacity.SopAudit;
import org.manfadh.capacity.Texts;
import org.manfadh.platform.Rejection;

/**
 * What a client gives for an SOP, checked field by field before anything is written: texts in three languages
 * (English required, blanks absent), a version's content, an audit's answers against its version's checklist. Each
 * fault is added to the list given, named by the field's path in the request, so that one refusal names them all.
 * The limits are the tables' own (migration V77).
 */
final class SopChecks {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 100_000;
    static final int MAX_ITEM = 1000;
    static final int MAX_ITEMS = 100;
    static final int MAX_CHANGE_NOTE = 2000;
    static final int MAX_ADOPTION_NOTE = 2000;
    static final int MAX_AUDIT_NOTE = 4000;
    static final int MAX_ANSWER_NOTE = 1000;
    static final int MAX_AUDITOR = 200;

    private SopChecks() {
    }

    /** One answer per item of the version's checklist, in its order; every fault named by index or item. */
    static List<SopAudit.Answer> answers(Sop.Version version, List<CapacityCommands.RecordAudit.Answer> given,
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
        Map<Integer, Sop.Item> items = new LinkedHashMap<>();
        version.checklist().forEach(i -> items.put(i.item(), i));
        Map<Integer, SopAudit.Answer> answered = new TreeMap<>();
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

    /** A version's content checked field by field; {@code prefix} names where it sits in the request. */
    static Sop.Version version(CapacityCommands.SopVersionInput input, String prefix, int number, LocalDate today,
                               LocalDate previousFrom, String username, Instant now, List<Rejection.Field> faults) {
        if (input == null) {
            faults.add(new Rejection.Field(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1),
                    "is required: body (en, ar, ckb), changeNote, effectiveFrom and checklist"));
            return null;
        }
        Texts body = texts(input.body(), prefix + "body", MAX_BODY, faults);
        String changeNote = note(input.changeNote(), prefix + "changeNote", MAX_CHANGE_NOTE, faults);
        LocalDate from = input.effectiveFrom() == null ? today : input.effectiveFrom();
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
    static Texts texts(Texts given, String field, int max, List<Rejection.Field> faults) {
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

    static String note(String given, String field, int max, List<Rejection.Field> faults) {
        String note = blankToNull(given);
        if (note != null && note.length() > max) {
            faults.add(new Rejection.Field(field, "is longer than " + max + " characters"));
        }
        return note;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
