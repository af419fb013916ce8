package org.manfadh.statistics;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.manfadh.referencedata.Authority;

/**
 * The monthly flow report of one authority, for headquarters, as a PDF in English, Arabic or
 * Central Kurdish: the month's figures, charts, surges and the forecast's accuracy. Counts only,
 * never a traveller.
 */
public interface MonthlyReports {

    /** The languages a report is written in. */
    enum Language {
        EN("en", false),
        AR("ar", true),
        CKB("ckb", true);

        private final String tag;
        private final boolean rightToLeft;

        Language(String tag, boolean rightToLeft) {
            this.tag = tag;
            this.rightToLeft = rightToLeft;
        }

        /** As the API and the message bundles name it: {@code en}, {@code ar}, {@code ckb}. */
        public String tag() {
            return tag;
        }

        public Locale locale() {
            return Locale.forLanguageTag(tag);
        }

        public boolean rightToLeft() {
            return rightToLeft;
        }

        public static Optional<Language> ofTag(String tag) {
            return Arrays.stream(values()).filter(l -> l.tag.equals(tag)).findFirst();
        }
    }

    /**
     * The report as a PDF. An authority the caller neither works in nor receives shared aggregates
     * from is a Rejection (forbidden), as is a month that has not begun (invalid); the current month
     * is counted up to today. The other authority's shared report has its small counts suppressed.
     */
    byte[] pdf(Authority authority, YearMonth month, Language language, String username);
}
