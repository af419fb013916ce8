package org.manfadh.health.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.manfadh.health.ContactTracing;
import org.manfadh.health.FollowUps;
import org.manfadh.platform.web.TableFiles;
import org.springframework.context.MessageSource;

/**
 * Follow-up lists and contact-tracing manifests as tables for the Ministry of Health, written as CSV or XLSX by
 * {@link TableFiles}. Headers in the caller's language; codes as the API gives them, times on the border's clock.
 */
final class FollowUpExports {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;
    private final Locale locale;
    private final ZoneId zone;

    FollowUpExports(MessageSource messages, Locale locale, ZoneId zone) {
        this.messages = messages;
        this.locale = locale;
        this.zone = zone;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, locale);
    }

    private boolean rightToLeft() {
        return List.of("ar", "ckb").contains(locale.getLanguage());
    }

    TableFiles.Table followUp(FollowUps.FollowUpList list) {
        List<String> headers = new ArrayList<>();
        for (String key : List.of("crossing", "surname", "givenNames", "nationality", "borderPoint", "enteredAt",
                "transport", "screened", "screeningOutcome", "exposureCountries", "lastExposure", "daysLeft", "address",
                "phone", "contacts", "latest", "lastContactedAt")) {
            headers.add(text("health.followup.col." + key));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (FollowUps.Entry e : list.entries().content()) {
            FollowUps.Contact last = e.contacts().isEmpty() ? null : e.contacts().getLast();
            rows.add(values(e.crossingId(), e.surname(), e.givenNames(), e.nationality(), e.borderPoint(),
                    time(e.enteredAt()), e.transportReference(),
                    text(e.screened() ? "health.followup.yes" : "health.followup.no"), e.screeningOutcome(),
                    String.join(" ", e.exposureCountries()), e.lastExposure(), e.daysLeft(), e.address(), e.phone(),
                    e.contacts().size(), e.latest(), last == null ? null : time(last.contactedAt())));
        }
        return new TableFiles.Table(text("health.followup.title") + " " + list.disease(), text("health.followup.sheet"), headers,
                rows, rightToLeft());
    }

    TableFiles.Table manifest(ContactTracing.Manifest manifest) {
        List<String> headers = new ArrayList<>();
        for (String key : List.of("list", "crossing", "surname", "givenNames", "nationality", "borderPoint",
                "direction", "occurredAt", "transportMode", "transportReference", "decision", "screened",
                "screeningOutcome", "lastOutcome", "lastContactedAt")) {
            headers.add(text("health.contacts.col." + key));
        }
        List<List<Object>> rows = new ArrayList<>();
        rows.add(person(text("health.contacts.list.index"), manifest.indexCase()));
        manifest.sameTransport().forEach(p -> rows.add(person(text("health.contacts.list.sameTransport"), p)));
        manifest.sameBorderPoint().forEach(p -> rows.add(person(text("health.contacts.list.sameBorderPoint"), p)));
        return new TableFiles.Table(text("health.contacts.title"), text("health.contacts.sheet"), headers, rows, rightToLeft());
    }

    private List<Object> person(String list, ContactTracing.Person p) {
        return values(list, p.crossingId(), p.surname(), p.givenNames(), p.nationality(), p.borderPoint(),
                p.direction(), time(p.occurredAt()), p.transportMode(), p.transportReference(), p.decision(),
                text(p.followUp().screened() ? "health.followup.yes" : "health.followup.no"),
                p.followUp().screeningOutcome(), p.followUp().lastOutcome(),
                p.followUp().lastContactedAt() == null ? null : time(p.followUp().lastContactedAt()));
    }

    private String time(Instant instant) {
        return instant == null ? null : TIME.format(instant.atZone(zone));
    }

    private static List<Object> values(Object... values) {
        List<Object> row = new ArrayList<>(values.length);
        for (Object v : values) {
            row.add(v instanceof Enum<?> e ? e.name() : v instanceof java.util.UUID u ? u.toString() : v);
        }
        return row;
    }
}
