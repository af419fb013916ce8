package org.manfadh.statistics.forecast;

/** The twelve months of the Hijri year, numbered 1 to 12. */
public enum HijriMonth {
    MUHARRAM, SAFAR, RABI_AL_AWWAL, RABI_AL_THANI, JUMADA_AL_ULA, JUMADA_AL_AKHIRA, RAJAB, SHABAN, RAMADAN,
    SHAWWAL, DHU_AL_QADA, DHU_AL_HIJJA;

    /** 1 for Muharram … 12 for Dhu al-Hijja. */
    public int number() {
        return ordinal() + 1;
    }

    public static HijriMonth of(int number) {
        if (number < 1 || number > 12) {
            throw new IllegalArgumentException("a Hijri month is numbered 1 to 12: " + number);
        }
        return values()[number - 1];
    }

    /** The month after this one, and the year it falls in. */
    public HijriMonthOfYear next(int year) {
        return this == DHU_AL_HIJJA ? new HijriMonthOfYear(year + 1, MUHARRAM) : new HijriMonthOfYear(year, of(number() + 1));
    }

    public HijriMonthOfYear previous(int year) {
        return this == MUHARRAM ? new HijriMonthOfYear(year - 1, DHU_AL_HIJJA) : new HijriMonthOfYear(year, of(number() - 1));
    }
}
