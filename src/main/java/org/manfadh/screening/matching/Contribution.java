package org.manfadh.screening.matching;

/**
 * One feature's part in a score, for the officer's explanation: e.g. feature "name", effect
 * +0.82, detail "ABDULRAHMAN ~ عبد الرحمن (cross-script)"; feature "dateOfBirth", effect -0.10,
 * detail "1975 vs 1962-03-01".
 */
public record Contribution(String feature, double effect, String detail) {
}
