package org.manfadh.demo.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.manfadh.capacity.Agency;
import org.manfadh.capacity.AssetStatus;
import org.manfadh.capacity.AssetType;
import org.manfadh.capacity.CapacityCommands;
import org.manfadh.capacity.Course;
import org.manfadh.capacity.Equipment;
import org.manfadh.capacity.Premises;
import org.manfadh.capacity.ProjectStatus;
import org.manfadh.capacity.Session;
import org.manfadh.capacity.Sex;
import org.manfadh.capacity.Texts;
import org.manfadh.capacity.Topic;
import org.manfadh.capacity.Training;
import org.manfadh.capacity.TrainingRecords;
import org.manfadh.platform.LoggableFailures;
import org.manfadh.platform.NodeRole;
import org.manfadh.platform.Rejection;
import org.manfadh.referencedata.Authority;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.BorderPointStatus;
import org.manfadh.referencedata.BorderPointType;
import org.manfadh.referencedata.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The programme's records as a capacity-building manager at headquarters would have kept them for the past year,
 * made through the capacity module's own API: courses, about four sessions a month at the training centres and at
 * border points with their participants (about four in ten women at Sulaymaniyah and Erbil, fewer in Baghdad and
 * Basra, fewer still at the posts), scores, attendance and certificates; equipment at every border point not closed, a
 * document reader a lane, a few of them broken or in repair; premises projects; and the standard operating
 * procedures ({@link DemoProcedures}). Loaded once, in the background once the application is ready, at headquarters
 * only: when the first course exists already, nothing is loaded again.
 */
@Component
@ConditionalOnBooleanProperty(name = {"manfadh.demo", "manfadh.demo.data"}, matchIfMissing = true)
class DemoCapacity {

    static final String MANAGER = "capacity_manager";

    private static final Logger log = LoggerFactory.getLogger(DemoCapacity.class);

    private final Training training;
    private final TrainingRecords records;
    private final Equipment equipment;
    private final Premises premises;
    private final DemoProcedures procedures;
    private final ReferenceData referenceData;
    private final NodeRole role;
    private final ApplicationAvailability availability;
    private final Clock clock;
    private final long seed;

    DemoCapacity(Training training, TrainingRecords records, Equipment equipment, Premises premises,
                 DemoProcedures procedures, ReferenceData referenceData, NodeRole role,
                 ApplicationAvailability availability, Clock clock,
                 @Value("${manfadh.demo.data.seed:20260804}") long seed) {
        this.training = training;
        this.records = records;
        this.equipment = equipment;
        this.premises = premises;
        this.procedures = procedures;
        this.referenceData = referenceData;
        this.role = role;
        this.availability = availability;
        this.clock = clock;
        this.seed = seed;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (role.post()) {
            return;
        }
        Thread thread = new Thread(this::loadInBackground, "demo-capacity");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Waits until the application is ready (the latest year of crossings loaded, see {@link DemoDataLoader}) and has
     * stayed so for a second, so that this load takes no time from start-up.
     */
    private boolean awaitReadiness() {
        int steady = 0;
        for (int second = 0; second < 600 && steady < 2; second++) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            steady = availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC ? steady + 1 : 0;
        }
        return steady >= 2;
    }

    private void loadInBackground() {
        if (!awaitReadiness()) {
            log.info("Demo data: the application did not become ready; no capacity-building records loaded");
            return;
        }
        try {
            if (load()) {
                log.info("Demo data: a year of the programme's training, equipment, premises and procedures loaded");
            }
        } catch (Rejection e) {
            // At a post, capacity's records are headquarters' and a post makes none.
            log.info("Demo data: no capacity-building records here ({})", e.getMessage());
        } catch (RuntimeException e) {
            log.error("Demo data: the capacity-building records could not be loaded", LoggableFailures.of(e));
        }
    }

    /** Loads everything, or nothing when the demo's first course exists already; true when it loaded. */
    boolean load() {
        Random random = new Random(seed ^ 0x5EED_CA9AL);
        LocalDate today = LocalDate.now(clock);
        List<Course> courses = new ArrayList<>();
        for (CourseSpec spec : COURSES) {
            try {
                courses.add(training.createCourse(spec.command(), MANAGER));
            } catch (Rejection e) {
                if (courses.isEmpty() && e.kind() == Rejection.Kind.CONFLICT) {
                    return false;
                }
                throw e;
            }
        }
        List<BorderPoint> points = referenceData.borderPoints().stream()
                .filter(p -> p.status() != BorderPointStatus.CLOSED).toList();
        loadTraining(random, today, courses, points);
        loadEquipment(random, today, points);
        loadPremises(today);
        procedures.load();
        return true;
    }

    // ---- training ----------------------------------------------------------------------------------------------

    private record CourseSpec(String code, Topic topic, int days, Integer months, String en, String ar, String ckb) {

        CapacityCommands.CreateCourse command() {
            return new CapacityCommands.CreateCourse(code, null, new Texts(en, ar, ckb), null, topic, days, months, null);
        }
    }

    private static final List<CourseSpec> COURSES = List.of(
            new CourseSpec("DOC-EXAM", Topic.DOCUMENT_EXAMINATION, 5, 24, "Travel document examination",
                    "فحص وثائق السفر", "پشکنینی بەڵگەنامەکانی گەشت"),
            new CourseSpec("DOC-EXAM-ADV", Topic.DOCUMENT_EXAMINATION, 10, 36, "Advanced document examination and fraud",
                    "الفحص المتقدم للوثائق والتزوير", "پشکنینی پێشکەوتووی بەڵگەنامە و ساختەکاری"),
            new CourseSpec("MANFADH-USE", Topic.SYSTEM_USE, 3, 12, "Using Manfadh at the booth",
                    "استخدام منفذ في الكشك", "بەکارهێنانی مەنفەز لە کۆشک"),
            new CourseSpec("IHR-POE", Topic.IHR_HEALTH, 3, 24, "IHR and health at points of entry",
                    "اللوائح الصحية الدولية والصحة في منافذ الدخول", "ڕێساکانی تەندروستی نێودەوڵەتی و تەندروستی لە خاڵەکانی چوونەژوورەوە"),
            new CourseSpec("HR-PROTECT", Topic.HUMAN_RIGHTS_PROTECTION, 3, 36, "Human rights and protection at the border",
                    "حقوق الإنسان والحماية على الحدود", "مافەکانی مرۆڤ و پاراستن لە سنوور"),
            new CourseSpec("TIP-SOM", Topic.TRAFFICKING_SMUGGLING, 5, 36, "Trafficking in persons and migrant smuggling",
                    "الاتجار بالبشر وتهريب المهاجرين", "بازرگانی بە مرۆڤ و قاچاخکردنی کۆچبەران"),
            new CourseSpec("BP-MANAGE", Topic.MANAGEMENT, 5, null, "Border point management",
                    "إدارة المنافذ الحدودية", "بەڕێوەبردنی خاڵە سنوورییەکان"),
            new CourseSpec("ENG-BORDER", Topic.LANGUAGES, 20, null, "English for border officials",
                    "اللغة الإنكليزية لموظفي الحدود", "ئینگلیزی بۆ فەرمانبەرانی سنوور"),
            new CourseSpec("RISK-ANALYSIS", Topic.RISK_ANALYSIS, 5, 24, "Risk analysis and profiling",
                    "تحليل المخاطر", "شیکردنەوەی مەترسی"));

    /** The training centres and the share of women among their trainees. */
    private static final Map<String, Double> CENTRES = Map.of("SULAYMANIYAH", 0.42, "ERBIL", 0.36, "BAGHDAD", 0.24,
            "BASRA", 0.15);

    private void loadTraining(Random random, LocalDate today, List<Course> courses, List<BorderPoint> points) {
        DemoNames names = DemoNames.bundled();
        List<BorderPoint> federal = points.stream().filter(p -> p.authority() == Authority.FEDERAL).toList();
        List<BorderPoint> kri = points.stream().filter(p -> p.authority() == Authority.KRI).toList();
        List<String> centres = List.of("BAGHDAD", "BASRA", "SULAYMANIYAH", "ERBIL");
        Course booth = courses.stream().filter(c -> c.code().equals("MANFADH-USE")).findFirst().orElseThrow();
        // About four sessions a month over the year, a few ahead in the plan.
        for (LocalDate start = today.minusDays(365); start.isBefore(today.plusDays(45)); start = start.plusDays(7 + random.nextInt(3))) {
            // The booth course's certificates last a year: the sessions of its first months are the refreshers due now.
            Course course = start.isBefore(today.minusDays(290)) && random.nextBoolean() ? booth
                    : courses.get(random.nextInt(courses.size()));
            boolean atPost = random.nextDouble() < 0.25;
            String centre;
            boolean inKri;
            if (atPost) {
                BorderPoint point = DemoNames.pick(random, points);
                centre = point.code();
                inKri = point.authority() == Authority.KRI;
            } else {
                centre = DemoNames.pick(random, centres);
                inKri = centre.equals("SULAYMANIYAH") || centre.equals("ERBIL");
            }
            double women = atPost ? 0.08 : CENTRES.get(centre);
            LocalDate first = start.getDayOfWeek() == DayOfWeek.FRIDAY ? start.plusDays(1) : start;
            LocalDate last = first.plusDays(course.durationDays() - 1L);
            int seats = 15 + random.nextInt(11);
            Session session = training.createSession(new CapacityCommands.CreateSession(course.id(), first, last, centre,
                    List.of(trainer(random, names)), seats), MANAGER);
            boolean ended = last.isBefore(today);
            List<TrainingRecords.Mark> marks = new ArrayList<>();
            List<UUID> attendees = new ArrayList<>();
            int enrolled = ended || first.isBefore(today.plusDays(1)) ? seats - random.nextInt(4) : random.nextInt(seats / 2);
            for (int i = 0; i < enrolled; i++) {
                Sex sex = random.nextDouble() < women ? Sex.F : Sex.M;
                DemoNames.Name name = names.person(random, inKri ? "KURDISH" : "IRAQI", sex.name(), null, null);
                String written = name.original() != null ? name.original() : name.givenNames() + " " + name.surname();
                BorderPoint point = atPost ? referenceData.borderPoint(centre).orElseThrow()
                        : DemoNames.pick(random, inKri ? kri : federal);
                Agency agency = agency(random, course.topic(), inKri);
                BigDecimal pre = null;
                BigDecimal post = null;
                boolean attended = false;
                Integer reaction = null;
                if (ended) {
                    double before = clamp(48 + random.nextGaussian() * 12);
                    pre = score(before);
                    attended = random.nextDouble() < 0.93;
                    if (attended) {
                        post = score(clamp(before + 26 + random.nextGaussian() * 9));
                        reaction = 3 + random.nextInt(3);
                    }
                }
                // Attendance is the trainer's ticks day by day; whether they attended follows from them.
                UUID participant = training.addParticipant(session.id(), new CapacityCommands.AddParticipant(null,
                        written, sex, agency, rank(random), point.code(), null, pre, post, null, reaction), MANAGER).id();
                if (ended) {
                    marks.addAll(days(random, participant, first, last, attended));
                    if (attended) {
                        attendees.add(participant);
                    }
                }
            }
            if (ended) {
                records.recordAttendance(session.id(), marks, MANAGER);
                training.issueCertificates(session.id(), MANAGER);
                evaluate(random, session, attendees, today);
            }
        }
    }

    /**
     * A participant's days: one who attended was there every day, or missed one of a long course; one who did not came
     * for under half of them.
     */
    private static List<TrainingRecords.Mark> days(Random random, UUID participant, LocalDate first, LocalDate last,
                                                   boolean attended) {
        int count = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
        int missed = attended ? (count >= 5 && random.nextDouble() < 0.3 ? 1 : 0) : count - random.nextInt(count / 2 + 1);
        List<Integer> absent = new ArrayList<>();
        while (absent.size() < missed) {
            int day = random.nextInt(count);
            if (!absent.contains(day)) {
                absent.add(day);
            }
        }
        List<TrainingRecords.Mark> marks = new ArrayList<>();
        for (int day = 0; day < count; day++) {
            marks.add(new TrainingRecords.Mark(participant, first.plusDays(day), !absent.contains(day)));
        }
        return marks;
    }

    /**
     * Kirkpatrick's levels 3 and 4 for sessions that ended three to nine months ago: a supervisor's observation of
     * a few of the trainees at work, and a note on what changed at the border point.
     */
    private void evaluate(Random random, Session session, List<UUID> attendees, LocalDate today) {
        LocalDate observed = session.endDate().plusDays(90 + random.nextInt(60));
        if (attendees.isEmpty() || observed.isAfter(today) || random.nextDouble() < 0.5) {
            return;
        }
        for (int i = 0; i < Math.min(3, attendees.size()); i++) {
            records.recordEvaluation(session.id(), new TrainingRecords.RecordEvaluation(3,
                    attendees.get(random.nextInt(attendees.size())), observed, score(clamp(72 + random.nextGaussian() * 12)),
                    "Observed at the booth by the shift supervisor"), MANAGER);
        }
        records.recordEvaluation(session.id(), new TrainingRecords.RecordEvaluation(4, null, observed.plusDays(14),
                null, "Fewer documents referred to the second line for examination since the session"), MANAGER);
    }

    private static String trainer(Random random, DemoNames names) {
        DemoNames.Name name = names.person(random, "IRAQI", random.nextDouble() < 0.3 ? "F" : "M", null, null);
        return name.original() != null ? name.original() : name.givenNames() + " " + name.surname();
    }

    private static Agency agency(Random random, Topic topic, boolean kri) {
        double r = random.nextDouble();
        if (topic == Topic.IHR_HEALTH && r < 0.6) {
            return Agency.HEALTH;
        }
        if (r < 0.62) {
            return kri ? Agency.KRG_MOI : Agency.FEDERAL_MOI;
        }
        if (r < 0.85) {
            return Agency.BPC;
        }
        if (r < 0.95) {
            return Agency.CUSTOMS;
        }
        return r < 0.98 ? Agency.HEALTH : Agency.OTHER;
    }

    private static final List<String> RANKS = List.of("ملازم", "ملازم أول", "نقيب", "رائد", "مقدم", "مفوض", "موظف");

    private static String rank(Random random) {
        return DemoNames.pick(random, RANKS);
    }

    private static double clamp(double score) {
        return Math.max(5, Math.min(100, score));
    }

    private static BigDecimal score(double value) {
        return BigDecimal.valueOf(value).setScale(0, RoundingMode.HALF_UP);
    }

    // ---- equipment ---------------------------------------------------------------------------------------------

    private static final List<String> DONORS = List.of("European Union", "Government of Japan", "IOM",
            "Government of Iraq");

    private void loadEquipment(Random random, LocalDate today, List<BorderPoint> points) {
        int broken = 0;
        for (BorderPoint point : points) {
            int lanes = switch (point.type()) {
                case AIR -> 8;
                case LAND -> 4 + random.nextInt(4);
                case SEA -> 2;
            };
            String donor = DemoNames.pick(random, DONORS);
            String phase = random.nextBoolean() ? "Phase I" : "Phase II";
            LocalDate bought = today.minusDays(200 + random.nextInt(900));
            for (int lane = 1; lane <= lanes; lane++) {
                var reader = register(AssetType.DOCUMENT_READER, "DR-" + point.code() + "-" + lane, "Regula", "7024M",
                        donor, phase, point.code(), Integer.toString(lane), new BigDecimal("2900.00"), bought, 60);
                // A few readers broken and a few in repair, across the country.
                double r = random.nextDouble();
                if (r < 0.05 || (broken == 0 && lane == lanes && point.type() == BorderPointType.LAND)) {
                    equipment.changeStatus(reader, new CapacityCommands.ChangeAssetStatus(AssetStatus.BROKEN,
                            "Does not read the MRZ of passports; reported by the shift supervisor", null, null), MANAGER);
                    broken++;
                } else if (r < 0.08) {
                    equipment.changeStatus(reader, new CapacityCommands.ChangeAssetStatus(AssetStatus.BROKEN,
                            "Cracked glass", null, null), MANAGER);
                    equipment.changeStatus(reader, new CapacityCommands.ChangeAssetStatus(AssetStatus.IN_REPAIR,
                            "Sent to the supplier", null, null), MANAGER);
                }
                if (lane % 2 == 1) {
                    register(AssetType.BIOMETRIC_KIT, "BK-" + point.code() + "-" + lane, "IDEMIA", "MorphoWave",
                            donor, phase, point.code(), Integer.toString(lane), new BigDecimal("6400.00"), bought, 60);
                }
            }
            register(AssetType.SERVER, "SRV-" + point.code() + "-1", "Dell", "PowerEdge R660", donor, phase,
                    point.code(), null, new BigDecimal("9800.00"), bought, 60);
            register(AssetType.UPS, "UPS-" + point.code() + "-1", "APC", "Smart-UPS 3000", donor, phase, point.code(),
                    null, new BigDecimal("1700.00"), bought, 48);
            if (point.type() == BorderPointType.LAND) {
                register(AssetType.GENERATOR, "GEN-" + point.code() + "-1", "Perkins", "60 kVA", donor, phase,
                        point.code(), null, new BigDecimal("14500.00"), bought, 120);
                register(AssetType.VEHICLE, "VEH-" + point.code() + "-1", "Toyota", "Land Cruiser 79", donor, phase,
                        point.code(), null, new BigDecimal("52000.00"), bought, 96);
            }
        }
        // Delivered to headquarters' store, not yet deployed.
        for (int i = 1; i <= 6; i++) {
            equipment.register(new CapacityCommands.RegisterAsset(AssetType.DOCUMENT_READER, "DR-STORE-" + i, "Regula",
                    "7024M", "European Union", "Phase II", AssetStatus.DELIVERED, null, null, new BigDecimal("2900.00"),
                    "USD", today.minusDays(20), today.minusDays(20).plusYears(3), 60), MANAGER);
        }
        equipment.register(new CapacityCommands.RegisterAsset(AssetType.MOBILE_PROCESSING_UNIT, "MPU-1", "IOM",
                "Mobile border unit", "IOM", "Phase II", AssetStatus.ORDERED, null, null, new BigDecimal("185000.00"),
                "USD", null, null, 120), MANAGER);
    }

    private UUID register(AssetType type, String serial, String manufacturer, String model, String donor, String phase,
                          String point, String lane, BigDecimal cost, LocalDate bought, int lifeMonths) {
        return equipment.register(new CapacityCommands.RegisterAsset(type, serial, manufacturer, model, donor, phase,
                AssetStatus.DEPLOYED, point, lane, cost, "USD", bought, bought.plusYears(2), lifeMonths), MANAGER).id();
    }

    // ---- premises ----------------------------------------------------------------------------------------------

    private record ProjectSpec(String point, String en, String ar, String ckb, String budget, ProjectStatus status,
                               int startedDaysAgo, int months, double spent) {
    }

    private static final List<ProjectSpec> PROJECTS = List.of(
            new ProjectSpec("IBK", "Border management centre upgrade", "تطوير مركز إدارة الحدود",
                    "نوێکردنەوەی ناوەندی بەڕێوەبردنی سنوور", "1450000", ProjectStatus.COMPLETED, 540, 14, 1.0),
            new ProjectSpec("ZRB", "New arrivals hall for Arbaeen", "صالة وصول جديدة لزيارة الأربعين",
                    "هۆڵی گەیشتنی نوێ بۆ ئەربەعین", "2300000", ProjectStatus.IN_PROGRESS, 210, 12, 0.55),
            new ProjectSpec("SFW", "Power and cabling for the processing lanes", "الطاقة والتمديدات لخطوط المعالجة",
                    "کارەبا و کێبڵ بۆ هێڵەکانی پرۆسێسکردن", "420000", ProjectStatus.IN_PROGRESS, 120, 8, 0.4),
            new ProjectSpec("BGW", "Primary line booths refit", "تجديد أكشاك الخط الأول",
                    "نوێکردنەوەی کۆشکەکانی هێڵی یەکەم", "780000", ProjectStatus.PLANNED, -30, 9, 0.0),
            new ProjectSpec("TRB", "Staff accommodation", "سكن الموظفين", "شوێنی نیشتەجێبوونی کارمەندان", "960000",
                    ProjectStatus.ON_HOLD, 300, 18, 0.2));

    private void loadPremises(LocalDate today) {
        for (ProjectSpec spec : PROJECTS) {
            if (referenceData.borderPoint(spec.point()).isEmpty()) {
                continue;
            }
            LocalDate start = today.minusDays(spec.startedDaysAgo());
            LocalDate end = start.plusMonths(spec.months());
            BigDecimal budget = new BigDecimal(spec.budget());
            List<CapacityCommands.CreateProject.Milestone> milestones = new ArrayList<>();
            String[][] steps = {
                    {"Design approved", "اعتماد التصميم", "پەسەندکردنی دیزاین"},
                    {"Contract signed", "توقيع العقد", "واژۆکردنی گرێبەست"},
                    {"Works half done", "إنجاز نصف الأعمال", "نیوەی کارەکان تەواو بوو"},
                    {"Handed over", "التسليم", "ڕادەستکردن"}};
            for (int i = 0; i < steps.length; i++) {
                LocalDate due = start.plusDays((long) (end.toEpochDay() - start.toEpochDay()) * (i + 1) / steps.length);
                LocalDate done = spec.status() == ProjectStatus.COMPLETED || due.isBefore(today) && spec.spent() > 0.3 * (i + 1)
                        ? due : null;
                milestones.add(new CapacityCommands.CreateProject.Milestone(null, new Texts(steps[i][0], steps[i][1],
                        steps[i][2]), due, done));
            }
            UUID project = premises.create(new CapacityCommands.CreateProject(spec.point(), null,
                    new Texts(spec.en(), spec.ar(), spec.ckb()), "European Union", "Phase II", budget, "USD",
                    spec.status(), start, end, milestones), MANAGER);
            if (spec.spent() > 0) {
                int payments = 3;
                for (int i = 1; i <= payments; i++) {
                    LocalDate on = start.plusDays((long) Math.max(1, spec.startedDaysAgo()) * i / (payments + 1));
                    BigDecimal amount = budget.multiply(BigDecimal.valueOf(spec.spent() / payments))
                            .setScale(2, RoundingMode.HALF_UP);
                    premises.recordSpend(project, new CapacityCommands.RecordSpend(on, amount, "Instalment " + i), MANAGER);
                }
            }
        }
    }
}
