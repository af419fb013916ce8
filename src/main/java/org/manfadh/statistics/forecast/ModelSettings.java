package org.manfadh.statistics.forecast;

/**
 * The regression's few choices.
 *
 * @param fourierPairs sine/cosine pairs of the solar year (1 is one smooth summer–winter swing)
 * @param ridge        the penalty on every coefficient but the intercept, so that a term the
 *                     history has never seen (an event window before the first Arbaeen counted)
 *                     stays at zero instead of making the system singular; small enough not to
 *                     shrink an event seen three times by more than a few percent
 * @param bandZ        how many standard deviations of the log residuals the band reaches each side
 */
public record ModelSettings(int fourierPairs, double ridge, double bandZ) {

    /** As tuned on the first half of the backtest origins (see docs/PERFORMANCE.md). */
    public static final ModelSettings DEFAULT = new ModelSettings(1, 0.01, 1.96);

    public ModelSettings {
        if (fourierPairs < 0 || fourierPairs > 10) {
            throw new IllegalArgumentException("fourierPairs 0..10: " + fourierPairs);
        }
        if (!(ridge >= 0) || !(bandZ > 0)) {
            throw new IllegalArgumentException("ridge ≥ 0 and bandZ > 0");
        }
    }
}
