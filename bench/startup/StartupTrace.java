import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.manfadh.ManfadhApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;

/**
 * Starts Manfadh as {@code java -jar} does, with Spring's start-up steps recorded
 * ({@link BufferingApplicationStartup}), and writes them to the file named by {@code -Dtrace.out}
 * once the context has started: the slowest steps by their own time (what a bean's construction
 * cost beside the beans it waited for), the top-level phases in order, and every step as TSV
 * (start ms after the JVM began, duration, own time, step, tags) in {@code <trace.out>.tsv}.
 * Run by {@code TRACE=1 bench/startup.sh}.
 */
public class StartupTrace {

    public static void main(String[] args) throws IOException {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
        SpringApplication application = new SpringApplication(ManfadhApplication.class);
        application.setApplicationStartup(startup);
        application.run(args);

        List<TimelineEvent> events = startup.getBufferedTimeline().getEvents();
        Map<Long, Long> children = new HashMap<>();
        for (TimelineEvent e : events) {
            if (e.getStartupStep().getParentId() != null) {
                children.merge(e.getStartupStep().getParentId(), e.getDuration().toNanos(), Long::sum);
            }
        }
        Comparator<TimelineEvent> byOwnTime = Comparator.comparingLong(e -> own(e, children));
        Path out = Path.of(System.getProperty("trace.out", "startup-trace.txt"));
        try (PrintWriter text = new PrintWriter(Files.newBufferedWriter(out));
                PrintWriter tsv = new PrintWriter(Files.newBufferedWriter(Path.of(out + ".tsv")))) {
            text.println("Top-level phases (ms after the JVM began, duration ms):");
            events.stream().filter(e -> e.getStartupStep().getParentId() == null)
                    .sorted(Comparator.comparing(TimelineEvent::getStartTime))
                    .forEach(e -> text.printf("  +%6d %7d  %s%n", e.getStartTime().toEpochMilli() - jvmStart,
                            e.getDuration().toMillis(), describe(e)));
            text.println("Slowest steps by own time (own ms, total ms, start ms after the JVM began):");
            events.stream().sorted(byOwnTime.reversed()).limit(50)
                    .forEach(e -> text.printf("  %6d %7d  +%6d  %s%n", own(e, children) / 1_000_000,
                            e.getDuration().toMillis(), e.getStartTime().toEpochMilli() - jvmStart, describe(e)));
            for (TimelineEvent e : events) {
                tsv.printf("%d\t%d\t%d\t%s%n", e.getStartTime().toEpochMilli() - jvmStart, e.getDuration().toMillis(),
                        own(e, children) / 1_000_000, describe(e).replace(' ', '\t'));
            }
        }
    }

    private static long own(TimelineEvent e, Map<Long, Long> children) {
        return e.getDuration().toNanos() - children.getOrDefault(e.getStartupStep().getId(), 0L);
    }

    private static String describe(TimelineEvent e) {
        StringBuilder b = new StringBuilder(e.getStartupStep().getName());
        e.getStartupStep().getTags().forEach(t -> b.append(' ').append(t.getKey()).append('=').append(t.getValue()));
        return b.toString();
    }
}
