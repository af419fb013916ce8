package org.manfadh.bordercontrol.internal;

/** A request field at fault and what is wrong with it. */
record FieldError(String field, String message) {
}
