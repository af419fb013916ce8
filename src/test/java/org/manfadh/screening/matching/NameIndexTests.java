package org.manfadh.screening.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class NameIndexTests {

    private static final UUID LIST = UUID.randomUUID();

    private final NameIndex index = new NameIndex(Models.model());

    private static ListedPerson person(UUID id, String... names) {
        return new ListedPerson(id, LIST, Arrays.stream(names).map(n -> new ListedName(n, NameQuality.PRIMARY)).toList(),
                List.of(), Set.of(), null, List.of());
    }

    private UUID put(String... names) {
        UUID id = UUID.randomUUID();
        index.putPersons(List.of(person(id, names)));
        return id;
    }

    private List<NameMatch> check(String name) {
        return index.matchPersons(PersonQuery.ofName(name), 0.5, 5);
    }

    private void fillWithOthers() {
        put("Karen Smith");
        put("Mahmoud Abbas");
        put("Hassan Nasrallah");
        put("Ali Hassan Al-Majid");
        put("Ahmed Hamid Saleh");
    }

    @Test
    void findsNamesWrittenWithTheArticleGluedOnOrInGulfSpelling() {
        fillWithOthers();
        UUID ubaidi = put("Ghazi Hammud Al-Ubaidi");
        UUID tikriti = put("Barzan Ibrahim Hassan Al-Tikriti");
        assertThat(check("GHAZI HAMMUD ALUBAIDI").get(0).entryId()).isEqualTo(ubaidi);
        assertThat(check("BARZAN IBRAHEEM HASAN EL-TICHRITI").get(0).entryId()).isEqualTo(tikriti);
        assertThat(check("BARZAN IBRAHEEM HASAN EL-TICHRITI").get(0).score()).isGreaterThan(MatchThresholds.DEFAULT_POSSIBLE);
    }

    @Test
    void countsADateOfBirthWithDayAndMonthSwappedOrAYearOffAsWeakEvidenceFor() {
        PartialDate listed = PartialDate.exact(LocalDate.of(1970, 3, 7));
        List<PartialDate> dates = List.of(listed);
        assertThat(Attributes.dateOfBirth(PartialDate.exact(LocalDate.of(1970, 7, 3)), dates, null))
                .isEqualTo(Attributes.SLIPPED_DATE).isPositive();
        assertThat(Attributes.dateOfBirth(PartialDate.exact(LocalDate.of(1971, 3, 7)), dates, null))
                .isEqualTo(Attributes.SLIPPED_DATE);
        assertThat(Attributes.dateOfBirth(PartialDate.exact(LocalDate.of(1971, 7, 3)), dates, null))
                .isLessThan(0);
        assertThat(Attributes.dateOfBirth(PartialDate.exact(LocalDate.of(1970, 3, 7)), dates, null))
                .isGreaterThan(Attributes.SLIPPED_DATE);
    }

    @Test
    void findsAListedNameItselfWithFullScore() {
        fillWithOthers();
        UUID id = put("Abu Bakr al-Baghdadi");
        NameMatch top = check("Abu Bakr al-Baghdadi").get(0);
        assertThat(top.entryId()).isEqualTo(id);
        assertThat(top.score()).isEqualTo(1.0);
    }

    @Test
    void matchesArabicScriptNameToItsLatinSpelling() {
        fillWithOthers();
        UUID id = put("صدام حسين التكريتي");
        List<NameMatch> found = check("SADDAM HUSSEIN AL-TIKRITI");
        assertThat(found.get(0).entryId()).isEqualTo(id);
        assertThat(found.get(0).score()).isGreaterThan(MatchThresholds.DEFAULT_HIT);
        assertThat(found.get(0).explanation().get(0).detail()).contains("cross-script");
    }

    @Test
    void matchesLatinNameToItsArabicAndPersianSpelling() {
        fillWithOthers();
        UUID id = put("Qasem Soleimani");
        assertThat(check("قاسم سليماني").get(0).entryId()).isEqualTo(id);
        assertThat(check("قاسم سلیمانی").get(0).entryId()).isEqualTo(id);
    }

    @Test
    void treatsTheWaysOfWritingAbdAsOne() {
        fillWithOthers();
        UUID id = put("Abd al-Rahman Mustafa");
        for (String variant : List.of("Abdulrahman Mustafa", "Abdel Rahman Mostafa", "ABDERRAHMAN MUSTAPHA")) {
            assertThat(check(variant).get(0).entryId()).as(variant).isEqualTo(id);
            assertThat(check(variant).get(0).score()).as(variant).isGreaterThan(MatchThresholds.DEFAULT_HIT);
        }
    }

    @Test
    void findsANameInAnotherOrderWithAMiddleNameMissing() {
        fillWithOthers();
        UUID id = put("Izzat Ibrahim al-Duri");
        NameMatch top = check("AL DURI IZZAT").get(0);
        assertThat(top.entryId()).isEqualTo(id);
        assertThat(top.score()).isGreaterThan(MatchThresholds.DEFAULT_POSSIBLE);
    }

    @Test
    void matchesAnMrzNameTruncatedAtTheFieldLength() {
        fillWithOthers();
        UUID id = put("Abdulrahman Mohammed Hassan Al-Shamrani");
        List<NameMatch> found = index.matchPersons(
                new PersonQuery(null, "ALSHAMRANI", "ABDULRAHMAN MOHAMMED HASS", null, null, null, null), 0.5, 5);
        assertThat(found.get(0).entryId()).isEqualTo(id);
        assertThat(found.get(0).score()).isGreaterThan(MatchThresholds.DEFAULT_HIT);
    }

    @Test
    void lowersTheScoreForAClearlyDifferentDateOfBirthWithoutVetoingIt() {
        UUID id = UUID.randomUUID();
        index.putPersons(List.of(new ListedPerson(id, LIST, List.of(new ListedName("Omar Hassan Farouk", NameQuality.PRIMARY)),
                List.of(PartialDate.exact(LocalDate.of(1970, 5, 1))), Set.of("IRQ"), "M", List.of("A1234567"))));
        double same = score(new PersonQuery("Omar Hassan Farouk", null, null, PartialDate.exact(LocalDate.of(1970, 5, 1)), "IRQ", "M", null));
        double year = score(new PersonQuery("Omar Hassan Farouk", null, null, PartialDate.year(1970), null, null, null));
        double other = score(new PersonQuery("Omar Hassan Farouk", null, null, PartialDate.exact(LocalDate.of(1991, 2, 3)), null, null, null));
        assertThat(same).isGreaterThanOrEqualTo(year);
        assertThat(year).isGreaterThan(other);
        assertThat(other).isGreaterThan(0.7);
        double byDocument = score(new PersonQuery("Omar Farouq", null, null, null, null, null, "A1234S67"));
        assertThat(byDocument).isGreaterThan(score(PersonQuery.ofName("Omar Farouq")));
    }

    private double score(PersonQuery query) {
        return index.matchPersons(query, 0, 1).get(0).score();
    }

    @Test
    void weighsCommonNamesLessThanRareOnes() {
        for (int i = 0; i < 50; i++) {
            put("Mohammed Ali " + List.of("Hassan", "Karim", "Jaber", "Salem", "Nouri").get(i % 5) + " " + i);
        }
        UUID rare = put("Mohammed Zarqawi");
        double common = check("Mohammed Ali Kadhim").stream().mapToDouble(NameMatch::score).max().orElse(0);
        assertThat(common).isLessThan(MatchThresholds.DEFAULT_POSSIBLE);
        assertThat(check("Muhammad Zarkawi").get(0).entryId()).isEqualTo(rare);
    }

    @Test
    void findsDocumentsUpToOcrConfusions() {
        UUID id = UUID.randomUUID();
        index.putDocuments(List.of(new ListedDocument(id, LIST, "AB 1O2 S55", "IRQ", "PASSPORT")));
        assertThat(index.matchDocuments("AB1O2S55", "IRQ")).singleElement().satisfies(m -> assertThat(m.exact()).isTrue());
        assertThat(index.matchDocuments("A8102555<", null)).singleElement().satisfies(m -> assertThat(m.exact()).isFalse());
        assertThat(index.matchDocuments("AB1O2S55", "IRN")).isEmpty();
        index.remove(List.of(id));
        assertThat(index.documentCount()).isZero();
    }

    @Test
    void replacesAndRemovesEntries() {
        UUID id = put("Mohammed Hussein");
        put("Karen Smith");
        index.putPersons(List.of(person(id, "Someone Else")));
        assertThat(check("MOHAMMAD HUSSAIN")).isEmpty();
        assertThat(index.personCount()).isEqualTo(2);
        index.removeList(LIST);
        assertThat(index.personCount()).isZero();
        assertThat(check("Karen Smith")).isEmpty();
    }

    @Test
    void findsThePersonsPutInTheSlotsOfRemovedOnesOnceItHasDroppedThemFromItsPostings() {
        UUID other = UUID.randomUUID();
        List<ListedPerson> many = new java.util.ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            many.add(new ListedPerson(UUID.randomUUID(), other, List.of(new ListedName("Hussein Kadhim " + (char) ('a' + i % 26)
                    + "bdul" + i, NameQuality.PRIMARY)), List.of(), Set.of(), null, List.of()));
        }
        index.putPersons(many);
        index.removeList(other); // enough to free the slots for reuse
        UUID id = put("Karwan Dilshad Barzani");
        assertThat(index.personCount()).isEqualTo(1);
        assertThat(check("Hussein Kadhim")).isEmpty();
        assertThat(check("Karwan Dilshad Barzani")).extracting(NameMatch::entryId).containsExactly(id);
    }
}
