package org.manfadh.document.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.manfadh.document.MrzReader;
import org.manfadh.document.MrzResult;
import org.manfadh.referencedata.IcaoCodes;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code manfadh mrz [--today YYYY-MM-DD]}: reads machine readable zones from standard input, one
 * blank line between documents, and writes one JSON object a document, one a line, in order. It
 * starts neither the server nor the database, and standard output carries nothing but those lines.
 */
public final class MrzCommand {

    static final String USAGE = "usage: java -jar manfadh.jar mrz [--today YYYY-MM-DD] < zones.txt";

    private MrzCommand() {
    }

    /** Runs the command; returns the process exit status (0 done, 2 wrong arguments, 1 I/O failure). */
    public static int run(String[] args, InputStream in, OutputStream out, PrintStream err) {
        LocalDate today = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--today" -> {
                    if (i + 1 >= args.length) {
                        err.println("mrz: --today needs a date (YYYY-MM-DD)");
                        err.println(USAGE);
                        return 2;
                    }
                    try {
                        today = LocalDate.parse(args[++i]);
                    } catch (DateTimeParseException e) {
                        err.println("mrz: --today takes a date as YYYY-MM-DD, not '" + args[i] + "'");
                        return 2;
                    }
                }
                case "-h", "--help" -> {
                    err.println(USAGE);
                    return 0;
                }
                default -> {
                    err.println("mrz: unknown argument '" + args[i] + "'");
                    err.println(USAGE);
                    return 2;
                }
            }
        }
        MrzReader reader = new MrzReader(IcaoCodes.bundled()::contains, Clock.systemDefaultZone());
        LocalDate day = today != null ? today : LocalDate.now();
        JsonMapper json = JsonMapper.builder().disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            StringBuilder block = new StringBuilder();
            int documents = 0;
            boolean first = true;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (first && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                first = false;
                if (line.isBlank()) {
                    if (!block.isEmpty()) {
                        write(json, writer, reader.read(block.toString(), day));
                        documents++;
                        block.setLength(0);
                    }
                } else {
                    block.append(line).append('\n');
                }
            }
            if (!block.isEmpty() || documents == 0) {
                write(json, writer, reader.read(block.toString(), day));
            }
            writer.flush();
            return 0;
        } catch (IOException e) {
            err.println("mrz: " + e.getMessage());
            return 1;
        }
    }

    private static void write(JsonMapper json, Writer writer, MrzResult result) throws IOException {
        writer.write(json.writeValueAsString(result));
        writer.write('\n');
    }
}
