package org.manfadh.screening;

/**
 * Why a crossing's traveller may not be admitted yet because of screening: a hit nobody has
 * adjudicated, or a true match on a list whose action is to refuse.
 */
public record AdmissionBar(String type, String detail) {
}
