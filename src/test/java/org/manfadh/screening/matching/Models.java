package org.manfadh.screening.matching;

/** The transliteration model, learnt once for all the tests of a run. */
final class Models {

    private Models() {
    }

    private static final class Holder {
        static final TransliterationModel MODEL = TransliterationModel.fromClasspath();
    }

    static TransliterationModel model() {
        return Holder.MODEL;
    }
}
