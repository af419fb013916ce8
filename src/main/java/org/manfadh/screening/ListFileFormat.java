package org.manfadh.screening;

/** The formats a list file comes in, told apart by the request's content type and the list's kind. */
public enum ListFileFormat {
    /** The UN Security Council Consolidated List as XML. */
    UN_XML,
    /** A national list of persons and entities as CSV. */
    PERSONS_CSV,
    /** A list of lost and stolen documents as CSV. */
    DOCUMENTS_CSV;

    /** Where the entries a file of this format holds come from. */
    public EntrySource source() {
        return this == UN_XML ? EntrySource.UN_XML : EntrySource.CSV;
    }
}
