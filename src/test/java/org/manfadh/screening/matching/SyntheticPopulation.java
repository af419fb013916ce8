package org.manfadh.screening.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A deterministic synthetic population of the region: Arabic (Iraqi, Syrian, Gulf), Kurdish,
 * Persian, Turkish and Western names, in Latin letters and, where people write them so, in Arabic
 * or Persian script, with dates of birth, nationalities and sex. Used by the accuracy tests and
 * compiled into the benchmark, so that both see the same kind of people.
 */
public final class SyntheticPopulation {

    /** A name in Latin letters and in its own script (null when written in Latin only). */
    public record Spelt(String latin, String script) {
    }

    /** A person as a document would show them. */
    public record Person(List<Spelt> given, Spelt family, LocalDate dateOfBirth, String nationality, String sex) {

        public String latinName() {
            StringBuilder b = new StringBuilder();
            for (Spelt s : given) {
                b.append(s.latin()).append(' ');
            }
            return b.append(family.latin()).toString();
        }

        /** The name in its own script, or null for Latin-only names. */
        public String scriptName() {
            if (family.script() == null) {
                return null;
            }
            StringBuilder b = new StringBuilder();
            for (Spelt s : given) {
                if (s.script() == null) {
                    return null;
                }
                b.append(s.script()).append(' ');
            }
            return b.append(family.script()).toString();
        }
    }

    private static final Spelt[] ARAB_MEN = pool("""
            Mohammed:محمد Ahmed:أحمد Ali:علي Hassan:حسن Hussein:حسين Abbas:عباس Jaafar:جعفر Mahmoud:محمود
            Mustafa:مصطفى Omar:عمر Othman:عثمان Khalid:خالد Ibrahim:إبراهيم Yousef:يوسف Salim:سالم Saad:سعد
            Abdullah:عبدالله Abdulrahman:عبد_الرحمن Abdulkarim:عبد_الكريم Abdulaziz:عبد_العزيز Karim:كريم Kadhim:كاظم
            Jasim:جاسم Qasim:قاسم Hamid:حامد Majid:ماجد Rashid:راشد Saeed:سعيد Walid:وليد Zaid:زيد Faisal:فيصل
            Haider:حيدر Mahdi:مهدي Sadiq:صادق Baqir:باقر Ridha:رضا Muntadhar:منتظر Murtadha:مرتضى Mujtaba:مجتبى
            Hamza:حمزة Tariq:طارق Nabil:نبيل Adnan:عدنان Ayad:إياد Falah:فلاح Sabah:صباح Nouri:نوري Jabbar:جبار
            Sattar:ستار Ghazi:غازي Naji:ناجي Raad:رعد Saleh:صالح Taha:طه Yasin:ياسين Zuhair:زهير Bilal:بلال
            Anas:أنس Osama:أسامة Marwan:مروان Fadhil:فاضل Aziz:عزيز Hadi:هادي Jawad:جواد Kamal:كمال Latif:لطيف
            Nasser:ناصر Qais:قيس Riyadh:رياض Sami:سامي Thamer:ثامر Uday:عدي Wissam:وسام Yahya:يحيى Ziad:زياد
            Ammar:عمار Bassam:بسام Dhiya:ضياء Emad:عماد Fuad:فؤاد Ghassan:غسان Hisham:هشام Ismail:إسماعيل""");
    private static final Spelt[] ARAB_WOMEN = pool("""
            Fatima:فاطمة Zainab:زينب Maryam:مريم Aisha:عائشة Khadija:خديجة Noor:نور Huda:هدى Sara:سارة
            Zahra:زهراء Amal:أمل Iman:إيمان Rasha:رشا Shaima:شيماء Asmaa:أسماء Hanan:حنان Layla:ليلى Sana:سناء
            Rana:رنا Dalia:داليا Ruqaya:رقية Sukaina:سكينة Nadia:نادية Samira:سميرة Wafaa:وفاء Ghada:غادة""");
    private static final Spelt[] ARAB_FAMILIES = pool("""
            Al-Tamimi:التميمي Al-Jubouri:الجبوري Al-Dulaimi:الدليمي Al-Obaidi:العبيدي Al-Shammari:الشمري
            Al-Zubaidi:الزبيدي Al-Saadi:الساعدي Al-Rubaie:الربيعي Al-Khafaji:الخفاجي Al-Maliki:المالكي
            Al-Hashimi:الهاشمي Al-Musawi:الموسوي Al-Husseini:الحسيني Al-Hakim:الحكيم Al-Sadr:الصدر
            Al-Janabi:الجنابي Al-Mashhadani:المشهداني Al-Azzawi:العزاوي Al-Karbalai:الكربلائي Al-Najafi:النجفي
            Al-Basri:البصري Al-Mosuli:الموصلي Al-Tikriti:التكريتي Al-Anbari:الأنباري Al-Baghdadi:البغدادي
            Al-Kaabi:الكعبي Al-Lami:اللامي Al-Bayati:البياتي Al-Qaisi:القيسي Al-Ubaidi:العبيدي Al-Mohammadawi:المحمداوي
            Al-Fatlawi:الفتلاوي Al-Shibli:الشبلي Al-Isawi:العيساوي Al-Hamdani:الحمداني Al-Khazraji:الخزرجي
            Al-Masoudi:المسعودي Al-Hilali:الهلالي Al-Jabiri:الجابري Al-Sharifi:الشريفي Al-Asadi:الأسدي
            Al-Kubaisi:الكبيسي Al-Rawi:الراوي Al-Ani:العاني Al-Hadithi:الحديثي Al-Samarrai:السامرائي
            Al-Douri:الدوري Al-Nuaimi:النعيمي Al-Harbi:الحربي Al-Otaibi:العتيبي Al-Qahtani:القحطاني
            Al-Ghamdi:الغامدي Al-Zahrani:الزهراني Al-Mutairi:المطيري Al-Shahri:الشهري Haddad:حداد Najjar:نجار
            Khalil:خليل Sabbagh:صباغ Qassab:قصاب""");
    private static final Spelt[] KURD_MEN = pool("""
            Karwan:کاروان Rebwar:ڕێبوار Dilshad:دلشاد Shwan:شوان Hemin:هێمن Sherko:شێرکۆ Azad:ئازاد Bakhtiyar:بەختیار
            Dler:دلێر Hawre:هاوڕێ Kawa:کاوە Soran:سۆران Aram:ئارام Nawzad:نەوزاد Sardar:سەردار Barzan:بارزان
            Dara:دارا Hiwa:هیوا Goran:گۆران Shakhawan:شاخەوان Zana:زانا Rebin:ڕێبین Peshawa:پێشەوا Hoshyar:هۆشیار""");
    private static final Spelt[] KURD_WOMEN = pool("""
            Shilan:شیلان Narin:نارین Berivan:بێریڤان Jwan:جوان Rozhan:ڕۆژان Shno:شنۆ Kazhal:کەژاڵ Hana:هانا
            Avin:ئاڤین Dilan:دیلان Nazdar:نازدار Sozan:سۆزان""");
    private static final Spelt[] KURD_FAMILIES = pool("""
            Barzani:بارزانی Talabani:تاڵەبانی Hawrami:هەورامی Jaff:جاف Zebari:زێباری Doski:دۆسکی Mergasori:مێرگەسۆری
            Sorani:سۆرانی Baban:بابان Pishdari:پشدەری Bradosti:برادۆستی Herki:هەرکی Shwani:شوانی Rawanduzi:ڕەواندزی
            Kakayi:کاکەیی Zangana:زەنگەنە Dizayee:دزەیی Surchi:سورچی""");
    private static final Spelt[] PERSIAN_MEN = pool("""
            Mohammad:محمد Ali:علی Hossein:حسین Reza:رضا Mehdi:مهدی Amir:امیر Hamid:حمید Morteza:مرتضی
            Mostafa:مصطفی Javad:جواد Saeed:سعید Majid:مجید Behrouz:بهروز Dariush:داریوش Farhad:فرهاد Kourosh:کوروش
            Babak:بابک Arash:آرش Siavash:سیاوش Pouya:پویا Parviz:پرویز Jamshid:جمشید Gholamreza:غلامرضا
            Mohsen:محسن Ebrahim:ابراهیم Esmaeil:اسماعیل Yaghoub:یعقوب Abolfazl:ابوالفضل Ruhollah:روح‌الله
            Hojjat:حجت Vahid:وحید Nader:نادر Kazem:کاظم Ghasem:قاسم Mojtaba:مجتبی Peyman:پیمان Shahram:شهرام""");
    private static final Spelt[] PERSIAN_WOMEN = pool("""
            Fatemeh:فاطمه Zahra:زهرا Maryam:مریم Masoumeh:معصومه Narges:نرگس Parisa:پریسا Shirin:شیرین
            Azadeh:آزاده Leila:لیلا Mahsa:مهسا Niloufar:نیلوفر Roya:رویا Golnar:گلنار Soheila:سهیلا""");
    private static final Spelt[] PERSIAN_FAMILIES = pool("""
            Hosseini:حسینی Mohammadi:محمدی Rezaei:رضایی Ahmadi:احمدی Moradi:مرادی Karimi:کریمی Jafari:جعفری
            Rahimi:رحیمی Hashemi:هاشمی Ghasemi:قاسمی Sadeghi:صادقی Mousavi:موسوی Heydari:حیدری Kazemi:کاظمی
            Ebrahimi:ابراهیمی Rostami:رستمی Zamani:زمانی Golzari:گلزاری Tehrani:تهرانی Shirazi:شیرازی
            Esfahani:اصفهانی Tabrizi:تبریزی Khorasani:خراسانی Najafabadi:نجف‌آبادی Pourmohammadi:پورمحمدی
            Yazdani:یزدانی Bagheri:باقری Akbari:اکبری Soltani:سلطانی Nazari:نظری Farahani:فراهانی Ghorbani:قربانی
            Zarei:زارعی Panahi:پناهی Abbasi:عباسی Safavi:صفوی Khamenei:خامنه‌ای Larijani:لاریجانی""");
    private static final Spelt[] TURKISH_MEN = latinPool("""
            Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim İsmail Osman Yusuf Murat Ömer Ramazan Halil Süleyman
            Abdullah Mahmut Salih Kemal Recep Fatih Emre Burak Serkan Volkan Tuncay Cengiz Orhan Erdal Kadir""");
    private static final Spelt[] TURKISH_WOMEN = latinPool("""
            Fatma Ayşe Emine Hatice Zeynep Elif Meryem Şerife Zehra Sultan Hanife Merve Büşra Esra Özlem""");
    private static final Spelt[] TURKISH_FAMILIES = latinPool("""
            Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan Çetin
            Kara Koç Kurt Özkan Şimşek Polat Korkmaz Güneş Erdoğan Tekin Aksoy Bulut Keskin Ünal Turan""");
    private static final Spelt[] WESTERN_MEN = latinPool("""
            John James Robert Michael William David Richard Thomas Daniel Paul Mark George Peter Andrew
            Jean Pierre Michel Hans Klaus Stefan Giovanni Marco Luca Carlos Jose Antonio Ivan Sergei Dmitri""");
    private static final Spelt[] WESTERN_WOMEN = latinPool("""
            Mary Patricia Jennifer Linda Elizabeth Susan Anna Maria Sophie Claire Julia Laura Elena Olga Natalia""");
    private static final Spelt[] WESTERN_FAMILIES = latinPool("""
            Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin
            Dubois Bernard Moreau Müller Schmidt Schneider Fischer Weber Rossi Russo Ferrari Garcia Martinez
            Lopez Ivanov Petrov Smirnov Kowalski Nowak Jansen Visser Andersen Nielsen""");

    private static Spelt[] pool(String text) {
        List<Spelt> out = new ArrayList<>();
        for (String item : text.strip().split("\\s+")) {
            String[] parts = item.split(":");
            out.add(new Spelt(parts[0].replace('_', ' '), parts[1].replace('_', ' ')));
        }
        return out.toArray(Spelt[]::new);
    }

    private static Spelt[] latinPool(String text) {
        return java.util.Arrays.stream(text.strip().split("\\s+")).map(s -> new Spelt(s, null)).toArray(Spelt[]::new);
    }

    private SyntheticPopulation() {
    }

    // Iraqi laqabs: nisbas of places and clans (Al-Kufi, Al-Hilli) and of ancestors (Al-Kadhimi,
    // Al-Hassanawi), and clans named "Albu" after their founder (Albu Nimr)
    private static final Spelt[] ARAB_PLACES = pool("""
            Kuf:كوف Hill:حل Diwan:ديوان Nasir:ناصر Kut:كوت Falluj:فلوج Ramad:رماد Hit:هيت Dujayl:دجيل
            Balad:بلد Khalis:خالص Mandal:مندل Kirkuk:كركوك Zubayr:زبير Shatr:شطر Rifa:رفاع Samaw:سماو
            Rumaith:رميث Bahadl:بهادل Sudan:سودان Gharaw:غراو Yasir:ياسر Mayah:مياح Daraj:دراج Kinan:كنان
            Shaiban:شيبان Kurd:كرد Turkman:تركمان Fayyadh:فياض Jamil:جميل Sharq:شرق Gharb:غرب Jazair:جزائر
            Hamad:حمد Zaidan:زيدان Mutlaq:مطلك Jumail:جميل Karkh:كرخ Rusaf:رصاف Adhamiy:أعظمي Kadhimiy:كاظمي
            Sawad:سواد Bazzaz:بزاز Attar:عطار Tahhan:طحان Khayyat:خياط Sarraf:صراف Qazzaz:قزاز Jaber:جابر
            Fartus:فرطوس Zarkan:زركان Muhaysin:محيسن Nael:نائل Abbad:عباد Azraq:أزرق Ghanim:غانم Shujair:شجير
            Halbus:حلبوس Jazzaf:جزاف Kilab:كلاب Saidan:صيدان Shuwail:شويل Mahawil:محاويل Hashim:هاشم""");
    private static final Spelt[] KURD_PLACES = pool("""
            Sulaimani:سلێمانی Kirkuki:کەرکووکی Duhoki:دهۆکی Zakhoyi:زاخۆیی Amedi:ئامێدی Akreyi:ئاکرێیی
            Koyi:کۆیی Ranyayi:ڕانیەیی Halabjayi:هەڵەبجەیی Penjweni:پێنجوێنی Khoshnaw:خۆشناو Mangur:مەنگوڕ
            Bilbas:بلباس Gardi:گەردی Shekhani:شێخانی Mizuri:میزووری Rekani:ڕێکانی Berwari:بەرواری Goyi:گۆیی
            Sindi:سندی Slevani:سلێڤانی Hamawandi:هەماوەندی Dawdayi:داودەیی Shaqlawayi:شەقڵاوەیی""");
    private static final Spelt[] PERSIAN_STEMS = pool("""
            Bahram:بهرام Nasr:نصر Jalal:جلال Kamal:کمال Mahmoud:محمود Rahman:رحمان Ghaffar:غفار Azim:عظیم
            Karim:کریم Rahim:رحیم Hassan:حسن Ahmad:احمد Hossein:حسین Mohammad:محمد Javad:جواد Kazem:کاظم
            Ghasem:قاسم Hamid:حمید Majid:مجید Saeed:سعید Vahid:وحید Nader:نادر Jamshid:جمشید Parviz:پرویز
            Farhad:فرهاد Behrouz:بهروز Shahram:شهرام Peyman:پیمان Mohsen:محسن Amir:امیر Asgar:عسگر Akbar:اکبر
            Sadegh:صادق Bagher:باقر Heydar:حیدر Ghorban:قربان Soltan:سلطان Nazar:نظر Yazdan:یزدان Rostam:رستم
            Golzar:گلزار Safar:صفر Rajab:رجب Ramezan:رمضان Shaban:شعبان Nour:نور Khoda:خدا Jahan:جهان""");
    private static final String[][] PERSIAN_SUFFIXES = {
        {"zadeh", "زاده"}, {"pour", "پور"}, {"nia", "نیا"}, {"far", "فر"}, {"ian", "یان"}, {"i", "ی"}, {"khani", "خانی"}};
    private static final String[] TURKISH_FIRST = ("Kara Ak Öz Gül Er Ay Demir Taş Yıldız Kaya Şen Tek Can Gök Bay "
            + "Sarı Ata Türk Arslan Kurt Tun Ulu Yücel").split(" ");
    private static final String[] TURKISH_SECOND = ("kaya soy türk can han oğlu el er taş dağ gün yol ay man ok "
            + "bek tekin demir kan doğan yurt alp").split(" ");
    private static final Spelt[] ARAB_FAMILY_POOL = arabFamilies();
    private static final Spelt[] PERSIAN_FAMILY_POOL = persianFamilies();
    private static final Spelt[] KURD_FAMILY_POOL = concat(KURD_FAMILIES, KURD_PLACES);
    private static final Spelt[] TURKISH_FAMILY_POOL = turkishFamilies();

    private static Spelt[] arabFamilies() {
        List<Spelt> out = new ArrayList<>(List.of(ARAB_FAMILIES));
        for (Spelt p : ARAB_PLACES) {
            out.add(new Spelt("Al-" + p.latin() + "i", "ال" + p.script() + "ي"));
            out.add(new Spelt("Al-" + p.latin() + "awi", "ال" + p.script() + "اوي"));
        }
        for (Spelt n : ARAB_MEN) {
            if (n.latin().contains(" ") || n.script().contains(" ") || "aeiouh".indexOf(n.latin().charAt(n.latin().length() - 1)) >= 0
                    || "ةىاءؤ".indexOf(n.script().charAt(n.script().length() - 1)) >= 0) {
                continue;
            }
            String stem = n.script().replace("أ", "ا").replace("إ", "ا");
            out.add(new Spelt("Al-" + n.latin() + "i", "ال" + stem + "ي"));
            out.add(new Spelt("Al-" + n.latin() + "awi", "ال" + stem + "اوي"));
            out.add(new Spelt("Albu " + n.latin(), "البو " + n.script()));
        }
        return out.toArray(Spelt[]::new);
    }

    private static Spelt[] persianFamilies() {
        List<Spelt> out = new ArrayList<>(List.of(PERSIAN_FAMILIES));
        for (Spelt stem : PERSIAN_STEMS) {
            for (String[] suffix : PERSIAN_SUFFIXES) {
                String latin = stem.latin();
                if (suffix[0].equals("pour")) {
                    // Pourmohammad and Mohammadpour are both family names
                    out.add(new Spelt("Pour" + latin.toLowerCase(Locale.ROOT), "پور" + stem.script()));
                }
                if (!(suffix[0].startsWith("i") && "aeiou".indexOf(latin.charAt(latin.length() - 1)) >= 0)) {
                    out.add(new Spelt(latin + suffix[0], stem.script() + suffix[1]));
                }
            }
        }
        return out.toArray(Spelt[]::new);
    }

    private static Spelt[] turkishFamilies() {
        List<Spelt> out = new ArrayList<>(List.of(TURKISH_FAMILIES));
        for (String a : TURKISH_FIRST) {
            for (String b : TURKISH_SECOND) {
                out.add(new Spelt(a + b, null));
            }
        }
        return out.toArray(Spelt[]::new);
    }

    private static Spelt[] concat(Spelt[] a, Spelt[] b) {
        List<Spelt> out = new ArrayList<>(List.of(a));
        out.addAll(List.of(b));
        return out.toArray(Spelt[]::new);
    }

    /**
     * One person of the region: mostly Iraqi Arabs and Kurds, Iranians, Turks, a few Westerners.
     * Names are drawn with a skew, as in life (a few given names are very common, most are not),
     * from pools large enough that a list of a million holds thousands of family names.
     */
    public static Person person(Random random) {
        int kind = random.nextInt(100);
        boolean woman = random.nextInt(100) < 30;
        String sex = woman ? "F" : "M";
        LocalDate dob = LocalDate.of(1940 + random.nextInt(65), 1 + random.nextInt(12), 1 + random.nextInt(28));
        if (kind < 45) {
            String nat = pick(random, "IRQ", "IRQ", "IRQ", "IRQ", "SYR", "SAU", "KWT", "JOR", "LBN", "EGY");
            return new Person(List.of(common(random, woman ? ARAB_WOMEN : ARAB_MEN), common(random, ARAB_MEN),
                    common(random, ARAB_MEN)), rare(random, ARAB_FAMILY_POOL), dob, nat, sex);
        }
        if (kind < 60) {
            // many Kurds carry their grandfather's name where others have a family name
            Spelt family = random.nextBoolean() ? rare(random, KURD_FAMILY_POOL) : common(random, KURD_MEN);
            return new Person(List.of(common(random, woman ? KURD_WOMEN : KURD_MEN), common(random, KURD_MEN)),
                    family, dob, "IRQ", sex);
        }
        if (kind < 85) {
            return new Person(List.of(common(random, woman ? PERSIAN_WOMEN : PERSIAN_MEN), common(random, PERSIAN_MEN)),
                    rare(random, PERSIAN_FAMILY_POOL), dob, "IRN", sex);
        }
        if (kind < 95) {
            return new Person(List.of(common(random, woman ? TURKISH_WOMEN : TURKISH_MEN)),
                    rare(random, TURKISH_FAMILY_POOL), dob, "TUR", sex);
        }
        return new Person(List.of(pick(random, woman ? WESTERN_WOMEN : WESTERN_MEN), pick(random, WESTERN_MEN)),
                pick(random, WESTERN_FAMILIES), dob, pick(random, "GBR", "FRA", "DEU", "ITA", "USA", "RUS"), sex);
    }

    /**
     * Where a person's names come from, read off the pool of their first given name: "arab",
     * "kurd", "persian", "turkish" or "western". Test generators use it to write the name as a
     * clerk of that region would.
     */
    public static String origin(Person p) {
        Spelt first = p.given().get(0);
        for (Object[] pool : new Object[][] {{"arab", ARAB_MEN}, {"arab", ARAB_WOMEN}, {"kurd", KURD_MEN}, {"kurd", KURD_WOMEN},
                {"persian", PERSIAN_MEN}, {"persian", PERSIAN_WOMEN}, {"turkish", TURKISH_MEN}, {"turkish", TURKISH_WOMEN}}) {
            if (List.of((Spelt[]) pool[1]).contains(first)) {
                return (String) pool[0];
            }
        }
        return "western";
    }

    /** A given name: the first of a pool are far more frequent (one man in ten is a Mohammed). */
    private static Spelt common(Random random, Spelt[] pool) {
        double u = random.nextDouble();
        return pool[(int) (pool.length * u * u)];
    }

    /** A family name: skewed less, since a few large clans sit beside many small ones. */
    private static Spelt rare(Random random, Spelt[] pool) {
        double u = random.nextDouble();
        return pool[(int) (pool.length * Math.pow(u, 1.5))];
    }

    /** A listed person: the Latin name, the name in its own script, and often a respelt alias. */
    public static ListedPerson listed(Person p, UUID entryId, UUID listId, Random random) {
        List<ListedName> names = new ArrayList<>(3);
        names.add(new ListedName(p.latinName(), NameQuality.PRIMARY));
        if (p.scriptName() != null) {
            names.add(new ListedName(p.scriptName(), NameQuality.ORIGINAL_SCRIPT));
        }
        if (random.nextInt(3) > 0) {
            names.add(new ListedName(respell(p.latinName(), random), NameQuality.STRONG_ALIAS));
        }
        return new ListedPerson(entryId, listId, names, List.of(PartialDate.exact(p.dateOfBirth())),
                Set.of(p.nationality()), p.sex(), List.of());
    }

    /** A list of {@code count} persons of the region, the same for the same seed. */
    public static List<ListedPerson> list(int count, long seed, UUID listId) {
        Random random = new Random(seed);
        List<ListedPerson> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(listed(person(random), new UUID(seed, i), listId, random));
        }
        return out;
    }

    /** The persons behind {@link #list} for the same count and seed, as their documents show them. */
    public static List<Person> people(int count, long seed) {
        Random random = new Random(seed);
        List<Person> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Person p = person(random);
            listed(p, new UUID(seed, i), new UUID(0, 0), random); // draws what the list draws
            out.add(p);
        }
        return out;
    }

    /**
     * Another person who shares the most visible part of someone's name, as namesakes at a border
     * do: the same first name and family (or tribal) name, another father's name, their own date
     * of birth. Null for a name without a father's name to change.
     */
    public static Person namesake(Person p, Random random) {
        if (p.given().size() < 2) {
            return null;
        }
        List<Spelt> given = new ArrayList<>(p.given());
        Spelt father = given.get(1);
        Spelt[] pool = WESTERN_MEN;
        for (Spelt[] men : List.of(ARAB_MEN, KURD_MEN, PERSIAN_MEN, TURKISH_MEN)) {
            if (List.of(men).contains(father)) {
                pool = men;
            }
        }
        for (int tries = 0; tries < 20 && given.get(1).latin().equals(father.latin()); tries++) {
            given.set(1, common(random, pool));
        }
        if (given.get(1).latin().equals(father.latin())) {
            return null;
        }
        LocalDate dob = LocalDate.of(1940 + random.nextInt(65), 1 + random.nextInt(12), 1 + random.nextInt(28));
        return new Person(given, p.family(), dob, p.nationality(), p.sex());
    }

    private static final String[][] RESPELLINGS = {
        {"Mohammed", "Muhammad"}, {"Mohammed", "Mohamed"}, {"Mohammad", "Mohamad"}, {"Abdul", "Abdel"},
        {"Abdul", "Abd al-"}, {"ou", "u"}, {"oo", "u"}, {"ee", "i"}, {"Yousef", "Yusuf"}, {"Hussein", "Husayn"},
        {"Hossein", "Hosein"}, {"q", "gh"}, {"Q", "Gh"}, {"dh", "z"}, {"Dh", "Z"}, {"Al-", "El "}, {"Al-", "Al "},
        {"ai", "ay"}, {"ei", "ey"}, {"e", "a"}, {"i", "e"}, {"o", "u"}, {"k", "q"}, {"Kh", "H"}, {"aa", "a"},
        {"ss", "s"}, {"mm", "m"}, {"ch", "sh"}, {"ş", "s"}, {"ç", "c"}, {"ı", "i"}, {"ö", "o"}, {"ü", "u"},
    };

    /** The same name as another convention would spell it. */
    public static String respell(String name, Random random) {
        String out = name;
        for (int tries = 0; tries < 6 && out.equals(name); tries++) {
            for (int k = 0; k < 2; k++) {
                String[] rule = RESPELLINGS[random.nextInt(RESPELLINGS.length)];
                String from = random.nextBoolean() ? rule[0] : rule[1];
                String to = from.equals(rule[0]) ? rule[1] : rule[0];
                int at = out.indexOf(from);
                if (at >= 0) {
                    out = out.substring(0, at) + to + out.substring(at + from.length());
                }
            }
        }
        return out;
    }

    /**
     * A noisy reading of a name: a respelling, and then an upper-cased MRZ form, a dropped middle
     * name, a typo, the family name first, or the last name cut short as a full MRZ field cuts it.
     */
    public static String noisy(String name, Random random) {
        String out = respell(name, random);
        int kind = random.nextInt(6);
        String[] parts = out.split(" ");
        if (kind == 0) {
            out = out.toUpperCase(Locale.ROOT).replace("-", " ");
        } else if (kind == 1) {
            if (parts.length >= 3) {
                out = parts[0] + " " + parts[parts.length - 1];
            }
        } else if (kind == 2 && out.length() > 6) {
            int at = 1 + random.nextInt(out.length() - 2);
            if (Character.isLetter(out.charAt(at))) {
                out = out.substring(0, at) + out.substring(at + 1);
            }
        } else if (kind == 3 && parts.length >= 2) {
            out = parts[parts.length - 1] + " " + String.join(" ", java.util.Arrays.asList(parts).subList(0, parts.length - 1));
        } else if (kind == 4 && parts[parts.length - 1].length() >= 7) {
            out = out.substring(0, out.length() - 3);
        }
        return out;
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... items) {
        return items[random.nextInt(items.length)];
    }
}
