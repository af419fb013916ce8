package org.manfadh.bordercontrol.internal;

/** What a request's free text comes to once its blanks are taken away. */
final class Texts {

    private Texts() {
    }

    /** The text without its surrounding blanks, or null when nothing else is there. */
    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
