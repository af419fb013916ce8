package org.manfadh.screening.internal;

import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.manfadh.screening.internal.EntryContent.EntryDocument;
import org.manfadh.screening.EntryKind;
import org.manfadh.screening.matching.ListedName;
import org.manfadh.screening.matching.NameQuality;
import org.manfadh.screening.matching.PartialDate;

/**
 * Reads the UN Security Council Consolidated List (the official XML of
 * scsanctions.un.org) one INDIVIDUAL or ENTITY at a time, so that a file of any size takes the
 * memory of one entry. DTDs and external entities are refused: a list file names no other file.
 * Elements the format may add later are ignored; an entry without a reference number or name, or
 * with a date that is not one, fails the whole file with the element's path and line.
 */
final class UnListReader {

    static final String AGENCY = "United Nations Security Council";

    /** Bounds one entry's text, so that a hostile file cannot fill the memory with one element. */
    private static final int MAX_ENTRY_CHARS = 1 << 20;

    private static final XMLInputFactory FACTORY = factory();

    /** Bounds one entry's elements, so that a hostile file cannot fill the memory with empty ones. */
    static final int MAX_ENTRY_ELEMENTS = 10_000;

    private final CountryNames countries;
    private final long maxElements;
    private long elements;

    /**
     * @param maxElements the most elements a file may have ({@code manfadh.screening.import.max-elements}):
     *                    the real list has some 40,000, so a file far beyond that is not one
     */
    UnListReader(CountryNames countries, long maxElements) {
        this.countries = countries;
        this.maxElements = maxElements;
    }

    /** Counts an element of the file; past the caps the file is refused, naming where. */
    private void countElement(XMLStreamReader xml, String path, int inEntry) {
        if (++elements > maxElements) {
            throw ImportProblems.malformed("The file has more than " + maxElements
                    + " elements (manfadh.screening.import.max-elements); the UN list has far fewer.",
                    (long) xml.getLocation().getLineNumber(), path);
        }
        if (inEntry > MAX_ENTRY_ELEMENTS) {
            throw ImportProblems.malformed("The element " + path + " has more than " + MAX_ENTRY_ELEMENTS
                    + " elements; no list entry has.", (long) xml.getLocation().getLineNumber(), path);
        }
    }

    /** One element of an entry: its text or its children. */
    private record Node(String name, String path, int line, StringBuilder text, List<Node> children) {

        String text(String child) {
            for (Node n : children) {
                if (n.name.equals(child)) {
                    String t = n.text.toString().strip();
                    return t.isEmpty() ? null : t;
                }
            }
            return null;
        }

        Node child(String child) {
            return children.stream().filter(n -> n.name.equals(child)).findFirst().orElse(null);
        }

        List<Node> all(String child) {
            return children.stream().filter(n -> n.name.equals(child)).toList();
        }
    }

    /**
     * Reads the file, telling {@code generated} the file's dateGenerated (null when absent) before
     * the first entry, and {@code entries} each entry.
     */
    void read(InputStream in, Consumer<Instant> generated, Consumer<EntryContent> entries) {
        XMLStreamReader xml = null;
        String where = "/";
        try {
            xml = FACTORY.createXMLStreamReader(in);
            int depth = 0;
            String section = null;
            Map<String, Integer> counts = new HashMap<>();
            boolean sawRoot = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw ImportProblems.malformed("The file declares a DTD; list files may not.",
                            (long) xml.getLocation().getLineNumber(), "/");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String name = xml.getLocalName();
                    countElement(xml, depth <= 2 ? "/" + (depth == 1 ? name : "CONSOLIDATED_LIST/" + name) : where, 0);
                    if (depth == 1) {
                        if (!name.equals("CONSOLIDATED_LIST")) {
                            throw ImportProblems.malformed("The root element is " + name
                                    + ", not CONSOLIDATED_LIST: this is not the UN Security Council Consolidated List.",
                                    (long) xml.getLocation().getLineNumber(), "/" + name);
                        }
                        sawRoot = true;
                        generated.accept(dateGenerated(xml));
                    } else if (depth == 2) {
                        section = name;
                        where = "/CONSOLIDATED_LIST/" + name;
                    } else if (depth == 3 && (("INDIVIDUALS".equals(section) && name.equals("INDIVIDUAL"))
                            || ("ENTITIES".equals(section) && name.equals("ENTITY")))) {
                        int n = counts.merge(name, 1, Integer::sum);
                        where = "/CONSOLIDATED_LIST/" + section + "/" + name + "[" + n + "]";
                        Node node = subtree(xml, name, where);
                        depth--;
                        entries.accept(name.equals("INDIVIDUAL") ? individual(node) : entity(node));
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            if (!sawRoot) {
                throw ImportProblems.empty("The file holds no XML element.");
            }
        } catch (XMLStreamException e) {
            Long line = e.getLocation() == null ? null : (long) e.getLocation().getLineNumber();
            throw ImportProblems.malformed("The file is not well-formed XML near " + where + ": "
                    + cleanMessage(e.getMessage()), line, where);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // Nothing to release beyond the stream the caller closes.
                }
            }
        }
    }

    private static Instant dateGenerated(XMLStreamReader xml) {
        String value = xml.getAttributeValue(null, "dateGenerated");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeException e) {
            throw ImportProblems.invalidEntry("The attribute dateGenerated is not a date and time: '" + value + "'.",
                    (long) xml.getLocation().getLineNumber(), "/CONSOLIDATED_LIST/@dateGenerated");
        }
    }

    /** Reads the element the reader stands on, with everything in it, and leaves the reader on its end. */
    private Node subtree(XMLStreamReader xml, String name, String path) throws XMLStreamException {
        Node root = new Node(name, path, xml.getLocation().getLineNumber(), new StringBuilder(), new ArrayList<>());
        List<Node> open = new ArrayList<>();
        List<Map<String, Integer>> siblings = new ArrayList<>();
        open.add(root);
        siblings.add(new HashMap<>());
        int chars = 0;
        int inEntry = 1;
        while (!open.isEmpty()) {
            int event = xml.next();
            Node current = open.getLast();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    String child = xml.getLocalName();
                    countElement(xml, path, ++inEntry);
                    int n = siblings.getLast().merge(child, 1, Integer::sum);
                    Node node = new Node(child, current.path + "/" + child + (n > 1 ? "[" + n + "]" : ""),
                            xml.getLocation().getLineNumber(), new StringBuilder(), new ArrayList<>());
                    current.children.add(node);
                    open.add(node);
                    siblings.add(new HashMap<>());
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    open.removeLast();
                    siblings.removeLast();
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    chars += xml.getTextLength();
                    if (chars > MAX_ENTRY_CHARS) {
                        throw ImportProblems.malformed("The element " + path + " is longer than "
                                + MAX_ENTRY_CHARS + " characters; no list entry is.",
                                (long) xml.getLocation().getLineNumber(), path);
                    }
                    current.text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                }
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("The file ends inside " + path,
                        xml.getLocation());
                default -> {
                    // comments and processing instructions carry nothing
                }
            }
        }
        return root;
    }

    private EntryContent individual(Node node) {
        String reference = reference(node);
        String primary = joined(node.text("FIRST_NAME"), node.text("SECOND_NAME"), node.text("THIRD_NAME"),
                node.text("FOURTH_NAME"));
        if (primary == null) {
            throw ImportProblems.invalidEntry("INDIVIDUAL " + reference + " has no name (FIRST_NAME … FOURTH_NAME).",
                    (long) node.line, node.path);
        }
        Set<ListedName> names = new LinkedHashSet<>();
        names.add(new ListedName(primary, NameQuality.PRIMARY));
        String original = node.text("NAME_ORIGINAL_SCRIPT");
        if (original != null) {
            names.add(new ListedName(original, NameQuality.ORIGINAL_SCRIPT));
        }
        aliases(node, "INDIVIDUAL_ALIAS", names);
        List<PartialDate> dates = new ArrayList<>();
        for (Node dob : node.all("INDIVIDUAL_DATE_OF_BIRTH")) {
            PartialDate date = dateOfBirth(dob);
            if (date != null && !dates.contains(date)) {
                dates.add(date);
            }
        }
        Set<String> nationalities = new LinkedHashSet<>();
        Set<String> nationalityTexts = new LinkedHashSet<>();
        for (Node nationality : node.all("NATIONALITY")) {
            for (Node value : nationality.all("VALUE")) {
                String text = value.text.toString().strip();
                if (!text.isEmpty()) {
                    countries.code(text).ifPresentOrElse(nationalities::add, () -> nationalityTexts.add(text));
                }
            }
        }
        String gender = node.text("GENDER");
        String sex = gender == null ? null : switch (gender.toLowerCase(Locale.ROOT)) {
            case "male" -> "M";
            case "female" -> "F";
            default -> null;
        };
        List<EntryDocument> documents = new ArrayList<>();
        for (Node document : node.all("INDIVIDUAL_DOCUMENT")) {
            String number = document.text("NUMBER");
            if (number == null) {
                continue;
            }
            String country = document.text("ISSUING_COUNTRY") != null ? document.text("ISSUING_COUNTRY")
                    : document.text("COUNTRY_OF_ISSUE");
            String type = document.text("TYPE_OF_DOCUMENT");
            documents.add(new EntryDocument(number, countries.code(country).orElse(null),
                    country, type));
        }
        return new EntryContent(reference, EntryKind.PERSON, primary, List.copyOf(names), dates,
                List.copyOf(nationalities), List.copyOf(nationalityTexts), sex, documents, null, null, null, null,
                listedOn(node), AGENCY, legalBasis(node), null, node.text("COMMENTS1"), null, node.line);
    }

    private EntryContent entity(Node node) {
        String reference = reference(node);
        String primary = node.text("FIRST_NAME");
        if (primary == null) {
            throw ImportProblems.invalidEntry("ENTITY " + reference + " has no name (FIRST_NAME).",
                    (long) node.line, node.path);
        }
        Set<ListedName> names = new LinkedHashSet<>();
        names.add(new ListedName(primary, NameQuality.PRIMARY));
        String original = node.text("NAME_ORIGINAL_SCRIPT");
        if (original != null) {
            names.add(new ListedName(original, NameQuality.ORIGINAL_SCRIPT));
        }
        aliases(node, "ENTITY_ALIAS", names);
        return new EntryContent(reference, EntryKind.ENTITY, primary, List.copyOf(names), List.of(), List.of(),
                List.of(), null, List.of(), null, null, null, null, listedOn(node), AGENCY, legalBasis(node), null,
                node.text("COMMENTS1"), null, node.line);
    }

    private static String reference(Node node) {
        String reference = node.text("REFERENCE_NUMBER");
        if (reference == null) {
            throw ImportProblems.invalidEntry(node.name + " has no REFERENCE_NUMBER.", (long) node.line, node.path);
        }
        return reference;
    }

    private static void aliases(Node node, String element, Set<ListedName> names) {
        for (Node alias : node.all(element)) {
            String name = alias.text("ALIAS_NAME");
            if (name == null) {
                continue;
            }
            String quality = alias.text("QUALITY");
            // "Low" is the UN's own word for a weak alias; Good, a.k.a. and f.k.a. are names the person has used.
            names.add(new ListedName(name, "low".equalsIgnoreCase(quality) ? NameQuality.WEAK_ALIAS
                    : NameQuality.STRONG_ALIAS));
        }
    }

    private static PartialDate dateOfBirth(Node dob) {
        String type = dob.text("TYPE_OF_DATE");
        LocalDate day = date(dob, "DATE");
        Integer year = year(dob, "YEAR");
        Integer from = year(dob, "FROM_YEAR");
        Integer to = year(dob, "TO_YEAR");
        if ("BETWEEN".equalsIgnoreCase(type) || (day == null && year == null && (from != null || to != null))) {
            if (from == null || to == null) {
                throw ImportProblems.invalidEntry("A date of birth BETWEEN needs FROM_YEAR and TO_YEAR.",
                        (long) dob.line, dob.path);
            }
            if (to < from) {
                throw ImportProblems.invalidEntry("TO_YEAR " + to + " is before FROM_YEAR " + from + ".",
                        (long) dob.line, dob.path);
            }
            return PartialDate.between(LocalDate.of(from, 1, 1), LocalDate.of(to, 12, 31));
        }
        boolean approximately = "APPROXIMATELY".equalsIgnoreCase(type);
        if (day != null) {
            return approximately ? PartialDate.approximately(day) : PartialDate.exact(day);
        }
        if (year != null) {
            return approximately
                    ? new PartialDate(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), PartialDate.Precision.APPROXIMATE)
                    : PartialDate.year(year);
        }
        return null;
    }

    private static LocalDate date(Node parent, String element) {
        String text = parent.text(element);
        if (text == null) {
            return null;
        }
        try {
            // xs:date, which the UN list uses, may carry a zone offset ("2015-04-07-04:00"): the day is what counts.
            if (text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})?")) {
                return LocalDate.parse(text.substring(0, 10));
            }
            throw new DateTimeException(text);
        } catch (DateTimeException e) {
            Node node = parent.child(element);
            throw ImportProblems.invalidEntry(element + " '" + text + "' is not a date (YYYY-MM-DD).",
                    (long) node.line, node.path);
        }
    }

    private static Integer year(Node parent, String element) {
        String text = parent.text(element);
        if (text == null) {
            return null;
        }
        if (!text.matches("[0-9]{4}")) {
            Node node = parent.child(element);
            throw ImportProblems.invalidEntry(element + " '" + text + "' is not a year (YYYY).", (long) node.line,
                    node.path);
        }
        return Integer.parseInt(text);
    }

    private static LocalDate listedOn(Node node) {
        return date(node, "LISTED_ON");
    }

    private static String legalBasis(Node node) {
        String regime = node.text("UN_LIST_TYPE");
        return "UN Security Council sanctions" + (regime == null ? "" : " (" + regime + ")");
    }

    private static String joined(String... parts) {
        StringBuilder s = new StringBuilder();
        for (String part : parts) {
            if (part != null) {
                s.append(s.isEmpty() ? "" : " ").append(part);
            }
        }
        return s.isEmpty() ? null : s.toString();
    }

    private static String cleanMessage(String message) {
        if (message == null) {
            return "unreadable";
        }
        // The JDK's messages start with "ParseError at [row,col]:[3,5]\nMessage: …"; the line is a property already.
        int at = message.indexOf("Message: ");
        return (at >= 0 ? message.substring(at + 9) : message).strip();
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        return factory;
    }
}
