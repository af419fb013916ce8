package org.manfadh.demo.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.manfadh.capacity.AdoptionStage;
import org.manfadh.capacity.AuditResult;
import org.manfadh.capacity.CapacityCommands;
import org.manfadh.capacity.Procedures;
import org.manfadh.capacity.SopKind;
import org.manfadh.capacity.Texts;
import org.manfadh.platform.NodeRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The programme's standard operating procedures as the training directorate would have written them, once: six SOPs in
 * Arabic, Kurdish and English with their checklists (two of them revised), trained on, adopted and audited at a dozen
 * border points over the past year, a few points still on an older version. Made through {@link Procedures} as the
 * demo capacity manager, at headquarters only; left alone when the first of them exists.
 */
@Component
@ConditionalOnBooleanProperty(name = {"manfadh.demo", "manfadh.demo.data"}, matchIfMissing = true)
class DemoProcedures {

    private static final Logger log = LoggerFactory.getLogger(DemoProcedures.class);
    private static final String MANAGER = "capacity_manager";
    private static final List<String> POINTS = List.of("IBK", "ZRB", "BGW", "SFW", "TRB", "QAM", "MDL", "SHB", "BSR",
            "EBL", "UQS", "PWK");

    private record Demo(String code, SopKind kind, Texts title, Texts body, List<Texts> checklist, Texts revision,
                        Texts addedItem) {
    }

    private final Procedures procedures;
    private final NodeRole role;
    private final Clock clock;
    private final long seed;

    DemoProcedures(Procedures procedures, NodeRole role, Clock clock,
                   @Value("${manfadh.demo.data.seed:20260804}") long seed) {
        this.procedures = procedures;
        this.role = role;
        this.clock = clock;
        this.seed = seed;
    }

    /** Records the SOPs, unless at a post or when the first of them exists already. */
    void load() {
        if (role.post() || procedures.sopByCode(DEMOS.getFirst().code()).isPresent()) {
            return;
        }
        try {
            record();
        } catch (RuntimeException e) {
            log.warn("Demo data: the standard operating procedures could not be recorded: {}", e.toString());
        }
    }

    private void record() {
        Random random = new Random(seed);
        LocalDate today = LocalDate.now(clock);
        LocalDate first = today.minusMonths(14);
        for (Demo demo : DEMOS) {
            UUID id = procedures.create(new CapacityCommands.CreateSop(demo.code(), demo.kind(), demo.title(),
                    new CapacityCommands.SopVersionInput(demo.body(), null, first, demo.checklist())), MANAGER);
            int versions = 1;
            LocalDate revised = today.minusMonths(4);
            if (demo.revision() != null) {
                List<Texts> checklist = new ArrayList<>(demo.checklist());
                checklist.add(demo.addedItem());
                procedures.addVersion(id, new CapacityCommands.SopVersionInput(demo.revision(),
                        "Item added: " + demo.addedItem().en(), revised, checklist), MANAGER);
                versions = 2;
            }
            for (String point : POINTS) {
                if (random.nextInt(10) < 3) {
                    continue;
                }
                LocalDate trained = first.plusDays(random.nextInt(120));
                int version = versions == 2 && random.nextBoolean() ? 2 : 1;
                LocalDate start = version == 2 ? revised.plusDays(random.nextInt(20)) : trained;
                adopt(id, point, AdoptionStage.TRAINED, version, start);
                if (random.nextInt(10) < 7) {
                    LocalDate adopted = start.plusDays(14 + random.nextInt(40));
                    adopt(id, point, AdoptionStage.ADOPTED, version, adopted);
                    if (random.nextInt(10) < 6 && adopted.plusDays(30).isBefore(today)) {
                        audit(id, point, version, adopted.plusDays(30 + random.nextInt(60)), today, random,
                                demo.checklist().size() + (version == 2 ? 1 : 0));
                    }
                }
            }
        }
        log.info("Demo data: {} standard operating procedures with their adoption and audits", DEMOS.size());
    }

    private void adopt(UUID id, String point, AdoptionStage stage, int version, LocalDate on) {
        procedures.adopt(id, new CapacityCommands.RecordAdoption(point, stage, version, min(on, LocalDate.now(clock)),
                null), MANAGER);
    }

    private void audit(UUID id, String point, int version, LocalDate on, LocalDate today, Random random, int items) {
        List<CapacityCommands.RecordAudit.Answer> answers = new ArrayList<>();
        for (int item = 1; item <= items; item++) {
            int r = random.nextInt(20);
            AuditResult result = r < 12 ? AuditResult.MET : r < 16 ? AuditResult.PARTLY : r < 19 ? AuditResult.NOT_MET
                    : AuditResult.NOT_APPLICABLE;
            answers.add(new CapacityCommands.RecordAudit.Answer(item, item == 1 ? AuditResult.MET : result, null));
        }
        procedures.audit(id, new CapacityCommands.RecordAudit(point, version, min(on, today), "BPC audit team", answers,
                null), MANAGER);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static Texts t(String en, String ar, String ckb) {
        return new Texts(en, ar, ckb);
    }

    private static final List<Demo> DEMOS = List.of(
            new Demo("PI-01", SopKind.PRIMARY_INSPECTION,
                    t("Primary inspection at the booth", "التفتيش الأولي في الكشك", "پشکنینی سەرەتایی لە کۆشک"),
                    t("Greet the traveller, read the document in the reader, compare the photograph with the face, "
                            + "check validity and the watchlist result, then admit, refuse with a reason or refer.",
                            "رحّب بالمسافر، واقرأ الوثيقة بالقارئ، وقارن الصورة بالوجه، وتحقق من الصلاحية ونتيجة قوائم "
                                    + "المراقبة، ثم اسمح بالدخول أو ارفض مع ذكر السبب أو أحِل إلى الخط الثاني.",
                            "بەخێرهاتنی گەشتیار بکە، بەڵگەنامەکە بە خوێنەرەکە بخوێنەوە، وێنەکە لەگەڵ ڕووخسار بەراورد "
                                    + "بکە، ماوەی بەکارهێنان و ئەنجامی لیستی چاودێری بپشکنە، پاشان ڕێگە بدە، بە هۆکارەوە "
                                    + "ڕەتی بکەرەوە یان ڕەوانەی بکە."),
                    List.of(t("The document is read by the reader, not typed", "تُقرأ الوثيقة بالقارئ ولا تُكتب يدوياً",
                                    "بەڵگەنامەکە بە خوێنەرەکە دەخوێنرێتەوە، نانووسرێت"),
                            t("The photograph is compared with the face", "تُقارَن الصورة بالوجه",
                                    "وێنەکە لەگەڵ ڕووخسار بەراورد دەکرێت"),
                            t("Every watchlist hit goes to a supervisor", "تُحال كل مطابقة في قوائم المراقبة إلى المشرف",
                                    "هەموو هاوتاییەکی لیستی چاودێری بۆ سەرپەرشتیار دەچێت"),
                            t("A refusal states its reason code", "يُذكر رمز سبب الرفض",
                                    "ڕەتکردنەوە کۆدی هۆکارەکەی تێدایە")),
                    t("Greet the traveller, read the document in the reader, compare the photograph with the face, "
                            + "check validity, the watchlist result and any health prompt, then admit, refuse with a "
                            + "reason or refer.",
                            "رحّب بالمسافر، واقرأ الوثيقة بالقارئ، وقارن الصورة بالوجه، وتحقق من الصلاحية ونتيجة قوائم "
                                    + "المراقبة وأي تنبيه صحي، ثم اسمح بالدخول أو ارفض مع ذكر السبب أو أحِل.",
                            "بەخێرهاتنی گەشتیار بکە، بەڵگەنامەکە بخوێنەوە، وێنەکە بەراورد بکە، ماوە و لیستی چاودێری و "
                                    + "هەر ئاگادارییەکی تەندروستی بپشکنە، پاشان بڕیار بدە."),
                    t("Health prompts are answered before admission", "يُجاب عن التنبيهات الصحية قبل السماح بالدخول",
                            "ئاگادارییە تەندروستییەکان پێش ڕێگەدان وەڵام دەدرێنەوە")),
            new Demo("REF-01", SopKind.REFERRAL,
                    t("Referral to the second line", "الإحالة إلى الخط الثاني", "ڕەوانەکردن بۆ هێڵی دووەم"),
                    t("Refer the traveller when a check is not conclusive: write the reason, tell the supervisor and "
                            + "tell the traveller where to wait.",
                            "أحِل المسافر عندما لا يكون الفحص حاسماً: اكتب السبب، وأبلغ المشرف، وأخبر المسافر أين ينتظر.",
                            "گەشتیار ڕەوانە بکە کاتێک پشکنین یەکلاکەرەوە نییە: هۆکارەکە بنووسە، سەرپەرشتیار ئاگادار "
                                    + "بکە و بە گەشتیار بڵێ لە کوێ چاوەڕێ بکات."),
                    List.of(t("The reason is written down", "السبب مكتوب", "هۆکارەکە نووسراوە"),
                            t("The supervisor is told", "أُبلغ المشرف", "سەرپەرشتیار ئاگادار کراوە"),
                            t("The traveller is told where to wait", "أُخبر المسافر أين ينتظر",
                                    "بە گەشتیار گوتراوە لە کوێ چاوەڕێ بکات")),
                    null, null),
            new Demo("RFS-01", SopKind.REFUSAL,
                    t("Refusal of entry", "رفض الدخول", "ڕەتکردنەوەی هاتنەژوورەوە"),
                    t("A refusal is decided by a supervisor, states its reason code, and the traveller receives the "
                            + "refusal notice in a language they understand.",
                            "يقرر المشرف الرفض ويُذكر رمز سببه، ويتسلم المسافر إشعار الرفض بلغة يفهمها.",
                            "سەرپەرشتیار بڕیاری ڕەتکردنەوە دەدات، کۆدی هۆکارەکەی دەنووسرێت و گەشتیار ئاگادارنامەکە "
                                    + "بە زمانێک وەردەگرێت کە لێی تێدەگات."),
                    List.of(t("A supervisor decided", "قرر المشرف", "سەرپەرشتیار بڕیاری داوە"),
                            t("The reason code is recorded", "سُجّل رمز السبب", "کۆدی هۆکار تۆمار کراوە"),
                            t("The notice was handed over", "سُلّم الإشعار", "ئاگادارنامەکە دراوە"),
                            t("Protection needs were asked about", "سُئل عن احتياجات الحماية",
                                    "پرسیار لە پێداویستییەکانی پاراستن کراوە")),
                    null, null),
            new Demo("HS-01", SopKind.HEALTH_SCREENING,
                    t("Health screening at entry", "الفحص الصحي عند الدخول", "پشکنینی تەندروستی لە کاتی هاتنەژوورەوە"),
                    t("When an outbreak alert applies, ask about symptoms and travel, measure the temperature and hold "
                            + "the traveller for the health officer when the rule says so.",
                            "عندما ينطبق تنبيه تفشٍّ، اسأل عن الأعراض والسفر، وقِس الحرارة، واحتجز المسافر لموظف الصحة "
                                    + "عندما تقتضي القاعدة ذلك.",
                            "کاتێک ئاگادارییەکی بڵاوبوونەوە دەیگرێتەوە، پرسیار لە نیشانەکان و گەشت بکە، پلەی گەرمی "
                                    + "بپێوە و گەشتیار بۆ فەرمانبەری تەندروستی ڕابگرە کاتێک یاساکە دەڵێت."),
                    List.of(t("The thermometer is calibrated", "ميزان الحرارة معاير", "گەرمیپێوەکە ڕێکخراوە"),
                            t("Symptoms are asked about", "سُئل عن الأعراض", "پرسیار لە نیشانەکان کراوە"),
                            t("A held traveller waits in the assigned room", "ينتظر المسافر المحتجز في الغرفة المخصصة",
                                    "گەشتیاری ڕاگیراو لە ژووری دیاریکراو چاوەڕێ دەکات")),
                    t("When an outbreak alert applies, ask about symptoms and travel, measure the temperature with a "
                            + "calibrated thermometer and hold the traveller for the health officer when the rule says so; "
                            + "wear gloves and a mask.",
                            "عندما ينطبق تنبيه تفشٍّ، اسأل عن الأعراض والسفر، وقِس الحرارة بميزان معاير، واحتجز المسافر "
                                    + "لموظف الصحة عند الحاجة، وارتدِ القفازات والكمامة.",
                            "کاتێک ئاگادارییەکی بڵاوبوونەوە دەیگرێتەوە، پرسیار بکە، پلەی گەرمی بپێوە، گەشتیار ڕابگرە "
                                    + "کاتێک پێویستە، و دەستکێش و دەمامک لەبەر بکە."),
                    t("Gloves and masks are at hand", "القفازات والكمامات متوفرة", "دەستکێش و دەمامک ئامادەن")),
            new Demo("GRP-01", SopKind.GROUP_PROCESSING,
                    t("Processing pilgrim groups", "معالجة مجموعات الزوار", "جێبەجێکردنی گرووپەکانی زائیران"),
                    t("A group is opened with its leader, each member is read in turn, and the group is decided "
                            + "together once every member is checked.",
                            "تُفتح المجموعة مع قائدها، ويُقرأ كل عضو بدوره، ويُتخذ القرار للمجموعة بعد فحص جميع أعضائها.",
                            "گرووپ لەگەڵ سەرکردەکەی دەکرێتەوە، هەر ئەندامێک بە نۆرە دەخوێنرێتەوە و دوای پشکنینی "
                                    + "هەموویان بڕیار بۆ گرووپەکە دەدرێت."),
                    List.of(t("The group leader is recorded", "سُجّل قائد المجموعة", "سەرکردەی گرووپ تۆمار کراوە"),
                            t("Every member is read", "قُرئت وثيقة كل عضو", "هەموو ئەندامێک خوێندراوەتەوە"),
                            t("Hits are settled before the group is admitted", "تُحسم المطابقات قبل السماح للمجموعة",
                                    "هاوتاییەکان پێش ڕێگەدانی گرووپ یەکلایی دەکرێنەوە")),
                    null, null),
            new Demo("OUT-01", SopKind.OUTAGE_FALLBACK,
                    t("Working through an outage", "العمل أثناء انقطاع النظام", "کارکردن لە کاتی پچڕانی سیستەم"),
                    t("When the link to headquarters is down the post keeps working on its own node; when power is "
                            + "down, paper forms are used and entered once power returns.",
                            "عند انقطاع الاتصال بالمقر يستمر المنفذ بالعمل على عقدته، وعند انقطاع الكهرباء تُستخدم "
                                    + "الاستمارات الورقية وتُدخل عند عودتها.",
                            "کاتێک پەیوەندی بە بارەگاوە دەپچڕێت خاڵەکە لەسەر گرێی خۆی بەردەوام دەبێت؛ کاتێک کارەبا "
                                    + "دەبڕێت، فۆڕمی کاغەزی بەکاردێت و دواتر تۆمار دەکرێت."),
                    List.of(t("Paper forms are at every booth", "الاستمارات الورقية متوفرة في كل كشك",
                                    "فۆڕمی کاغەزی لە هەموو کۆشکێک هەیە"),
                            t("The generator is tested weekly", "يُختبر المولد أسبوعياً", "مۆلیدەکە هەفتانە تاقی دەکرێتەوە"),
                            t("Paper records are entered the same day", "تُدخل السجلات الورقية في اليوم نفسه",
                                    "تۆمارە کاغەزییەکان هەمان ڕۆژ دەنووسرێنەوە")),
                    null, null));
}
