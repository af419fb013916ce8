package org.manfadh.document;

/** The specimen zones of ICAO Doc 9303 (issuing state Utopia), as they are printed there. */
final class Specimens {

    /** Part 4, passport of Anna Maria Eriksson. */
    static final String TD3 = """
            P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<
            L898902C36UTO7408122F1204159ZE184226B<<<<<10""";

    /** Part 5, identity card of Anna Maria Eriksson. */
    static final String TD1 = """
            I<UTOD231458907<<<<<<<<<<<<<<<
            7408122F1204159UTO<<<<<<<<<<<6
            ERIKSSON<<ANNA<MARIA<<<<<<<<<<""";

    /** Part 6, identity card of Anna Maria Eriksson. */
    static final String TD2 = """
            I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<
            D231458907UTO7408122F1204159<<<<<<<6""";

    /** Part 7, full-page visa. */
    static final String MRV_A = """
            V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<
            L8988901C4XXX4009078F96121096ZE184226B<<<<<<""";

    /** Part 7, small visa. */
    static final String MRV_B = """
            V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<
            L8988901C4XXX4009078F9612109<<<<<<<<""";

    /** Part 5, identity card whose document number D23145890734 overflows into the optional data. */
    static final String TD1_OVERFLOW = """
            I<UTOD23145890<7349<<<<<<<<<<<
            3407127M9507122UTO<<<<<<<<<<<2
            STEVENSON<<PETER<JOHN<<<<<<<<<""";

    private Specimens() {
    }
}
