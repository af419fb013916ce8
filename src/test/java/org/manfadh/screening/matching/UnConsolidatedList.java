package org.manfadh.screening.matching;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/** A small reader of the UN Security Council Consolidated List's individuals, for tests only. */
final class UnConsolidatedList {

    /** An individual: the listed person and the name in its original script, if any. */
    record Individual(ListedPerson person, String primaryName, List<String> originalScript, String[] nameParts) {
    }

    private static final Map<String, String> COUNTRIES = new HashMap<>();

    static {
        for (String iso2 : Locale.getISOCountries()) {
            Locale l = Locale.of("", iso2);
            COUNTRIES.put(l.getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), l.getISO3Country());
        }
        COUNTRIES.put("syrian arab republic", "SYR");
        COUNTRIES.put("iran (islamic republic of)", "IRN");
        COUNTRIES.put("russian federation", "RUS");
        COUNTRIES.put("democratic people's republic of korea", "PRK");
        COUNTRIES.put("united kingdom of great britain and northern ireland", "GBR");
        COUNTRIES.put("united states of america", "USA");
        COUNTRIES.put("libya", "LBY");
        COUNTRIES.put("libyan arab jamahiriya", "LBY");
        COUNTRIES.put("viet nam", "VNM");
        COUNTRIES.put("united republic of tanzania", "TZA");
        COUNTRIES.put("democratic republic of the congo", "COD");
        COUNTRIES.put("türkiye", "TUR");
        COUNTRIES.put("turkey", "TUR");
    }

    private UnConsolidatedList() {
    }

    static List<Individual> read(UUID listId) throws Exception {
        try (InputStream in = UnConsolidatedList.class.getClassLoader()
                .getResourceAsStream("screening/un-sc-consolidated.xml")) {
            XMLStreamReader x = XMLInputFactory.newFactory().createXMLStreamReader(in);
            List<Individual> out = new ArrayList<>();
            Map<String, String> fields = null;
            List<ListedName> aliases = null;
            List<String> original = null;
            List<PartialDate> dates = null;
            Set<String> nationalities = null;
            String quality = null;
            String alias = null;
            String dateType = null;
            String date = null;
            String year = null;
            String from = null;
            String to = null;
            Deque path = new Deque();
            while (x.hasNext()) {
                int e = x.next();
                if (e == XMLStreamConstants.START_ELEMENT) {
                    String name = x.getLocalName();
                    path.push(name);
                    if (name.equals("INDIVIDUAL")) {
                        fields = new HashMap<>();
                        aliases = new ArrayList<>();
                        original = new ArrayList<>();
                        dates = new ArrayList<>();
                        nationalities = new HashSet<>();
                    } else if (name.equals("INDIVIDUAL_ALIAS")) {
                        quality = null;
                        alias = null;
                    } else if (name.equals("INDIVIDUAL_DATE_OF_BIRTH")) {
                        dateType = date = year = from = to = null;
                    }
                } else if (e == XMLStreamConstants.CHARACTERS && fields != null) {
                    String text = x.getText().strip();
                    if (text.isEmpty()) {
                        continue;
                    }
                    String name = path.peek();
                    String parent = path.parent();
                    switch (name) {
                        case "FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME", "GENDER", "DATAID" ->
                                fields.merge(name, text, String::concat);
                        case "NAME_ORIGINAL_SCRIPT" -> original.add(text);
                        case "QUALITY" -> quality = text;
                        case "ALIAS_NAME" -> alias = alias == null ? text : alias + text;
                        case "TYPE_OF_DATE" -> dateType = text;
                        case "DATE" -> date = text;
                        case "YEAR" -> year = text;
                        case "FROM_YEAR" -> from = text;
                        case "TO_YEAR" -> to = text;
                        case "VALUE" -> {
                            if ("NATIONALITY".equals(parent)) {
                                String code = COUNTRIES.get(text.toLowerCase(Locale.ROOT));
                                if (code != null) {
                                    nationalities.add(code);
                                }
                            }
                        }
                        default -> {
                        }
                    }
                } else if (e == XMLStreamConstants.END_ELEMENT) {
                    String name = path.pop();
                    if (name.equals("INDIVIDUAL_ALIAS") && alias != null && aliases != null) {
                        aliases.add(new ListedName(alias, "Good".equalsIgnoreCase(quality)
                                ? NameQuality.STRONG_ALIAS : NameQuality.WEAK_ALIAS));
                    } else if (name.equals("INDIVIDUAL_DATE_OF_BIRTH") && dates != null) {
                        PartialDate d = date(dateType, date, year, from, to);
                        if (d != null) {
                            dates.add(d);
                        }
                    } else if (name.equals("INDIVIDUAL") && fields != null) {
                        List<String> parts = new ArrayList<>();
                        for (String f : List.of("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")) {
                            if (fields.containsKey(f)) {
                                parts.add(fields.get(f));
                            }
                        }
                        String primary = String.join(" ", parts);
                        if (!primary.isBlank()) {
                            List<ListedName> names = new ArrayList<>();
                            names.add(new ListedName(primary, NameQuality.PRIMARY));
                            names.addAll(aliases);
                            String gender = fields.get("GENDER");
                            String sex = "Male".equals(gender) ? "M" : "Female".equals(gender) ? "F" : null;
                            UUID id = UUID.nameUUIDFromBytes(("un-" + fields.get("DATAID")).getBytes());
                            out.add(new Individual(new ListedPerson(id, listId, names, dates, nationalities, sex, List.of()),
                                    primary, original, parts.toArray(String[]::new)));
                        }
                        fields = null;
                    }
                }
            }
            return out;
        }
    }

    private static PartialDate date(String type, String date, String year, String from, String to) {
        try {
            if (from != null && to != null) {
                return PartialDate.between(LocalDate.of(Integer.parseInt(from), 1, 1), LocalDate.of(Integer.parseInt(to), 12, 31));
            }
            if (date != null && date.length() >= 10) {
                LocalDate day = LocalDate.parse(date.substring(0, 10));
                return "APPROXIMATELY".equals(type) ? PartialDate.approximately(day) : PartialDate.exact(day);
            }
            if (year != null) {
                return PartialDate.year(Integer.parseInt(year.strip()));
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    /** The open elements, innermost last. */
    private static final class Deque {
        private final List<String> items = new ArrayList<>();

        void push(String s) {
            items.add(s);
        }

        String pop() {
            return items.remove(items.size() - 1);
        }

        String peek() {
            return items.isEmpty() ? "" : items.get(items.size() - 1);
        }

        String parent() {
            return items.size() < 2 ? "" : items.get(items.size() - 2);
        }
    }
}
