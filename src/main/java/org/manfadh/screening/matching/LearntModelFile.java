package org.manfadh.screening.matching;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * The transliteration model as data: learnt once when Manfadh is built (Maven runs {@link #main}
 * in its {@code process-classes} phase, writing {@value #RESOURCE} among the classes), read back
 * at every start in milliseconds instead of being learnt again in seconds.
 *
 * <p>The form is binary: a header (magic number, format version, the model's {@linkplain
 * TransliterationModel#shape() shape}, the length of what follows), the learnt state with its
 * doubles bit for bit, so the model read is the model learnt, and a CRC-32 of all that precedes it. Entries are written in key order, so the
 * same corpora always give the same file.
 *
 * <p>A missing, damaged or outdated file fails with a message saying so and how to rebuild it,
 * rather than falling back to learning: a fallback would hide a broken build and silently make
 * every start seconds slower.
 */
public final class LearntModelFile {

    /** Where the learnt model is on the class path. */
    static final String RESOURCE = "screening/transliteration-model.bin";

    private static final int MAGIC = 0x4D544C4D; // "MTLM": Manfadh transliteration, learnt model
    private static final int VERSION = 1;

    private LearntModelFile() {
    }

    /** Learns the model from the corpora on the class path and writes it to the file given as the only argument. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: LearntModelFile <output file>, for example target/classes/" + RESOURCE);
        }
        Path file = Path.of(args[0]);
        TransliterationModel model = TransliterationModel.learnFromClasspath();
        Files.createDirectories(file.toAbsolutePath().getParent());
        // written aside and moved into place, so that an interrupted build leaves no half a model behind
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            write(model, out);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The model learnt at build time, from {@value #RESOURCE} on the class path. */
    static TransliterationModel fromClasspath() {
        return fromClasspath(LearntModelFile.class.getClassLoader());
    }

    static TransliterationModel fromClasspath(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The transliteration model learnt at build time (" + RESOURCE
                        + ") is not on the class path: build Manfadh with Maven (./mvnw package, whose"
                        + " process-classes phase learns it) rather than compiling the classes alone");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("The transliteration model " + RESOURCE + " cannot be read", e);
        }
    }

    /** Writes the model's learnt state. */
    static void write(TransliterationModel model, OutputStream destination) throws IOException {
        TransliterationModel.Learnt learnt = model.learnt();
        ByteArrayOutputStream bodyBytes = new ByteArrayOutputStream(1 << 21);
        DataOutputStream body = new DataOutputStream(bodyBytes);
        body.writeInt(learnt.totalCount());
        Map<String, String[]> dictionary = new TreeMap<>(learnt.dictionary());
        body.writeInt(dictionary.size());
        for (var entry : dictionary.entrySet()) {
            writeString(body, entry.getKey());
            body.writeByte(entry.getValue().length);
            for (String latin : entry.getValue()) {
                writeString(body, latin);
            }
        }
        Map<String, Integer> keyCounts = new TreeMap<>(learnt.keyCounts());
        body.writeInt(keyCounts.size());
        for (var entry : keyCounts.entrySet()) {
            writeString(body, entry.getKey());
            body.writeInt(entry.getValue());
        }
        body.writeInt(learnt.codes().length);
        for (int t = 0; t < learnt.codes().length; t++) {
            body.writeInt(learnt.codes()[t].length);
            for (int code : learnt.codes()[t]) {
                body.writeInt(code);
            }
            for (double log : learnt.logs()[t]) {
                body.writeDouble(log);
            }
        }
        body.flush();

        ByteArrayOutputStream all = new ByteArrayOutputStream(bodyBytes.size() + 256);
        DataOutputStream out = new DataOutputStream(all);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        writeString(out, TransliterationModel.shape());
        out.writeInt(bodyBytes.size());
        bodyBytes.writeTo(out);
        out.flush();
        CRC32 crc = new CRC32();
        crc.update(all.toByteArray());
        out.writeLong(crc.getValue());
        out.flush();
        all.writeTo(destination);
        destination.flush();
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xFFFF) {
            throw new IllegalArgumentException("a name of " + bytes.length + " bytes");
        }
        out.writeShort(bytes.length);
        out.write(bytes);
    }

    /**
     * Reads a model written by {@link #write}; {@link IllegalStateException} when the data is not
     * such a model, is damaged or cut short, or was written for another version of the model.
     */
    static TransliterationModel read(InputStream source) throws IOException {
        // read whole and parsed from memory: a fraction of the time of a stream read value by value
        byte[] all = source.readAllBytes();
        ByteBuffer in = ByteBuffer.wrap(all);
        try {
            if (all.length < 8 || in.getInt() != MAGIC) {
                throw damaged("it is not a learnt transliteration model");
            }
            int version = in.getInt();
            if (version != VERSION || !readString(in).equals(TransliterationModel.shape())) {
                throw damaged("it was learnt by another version of Manfadh (format " + version + ")");
            }
            int length = in.getInt();
            long rest = (long) length + Long.BYTES;
            if (length < 0 || in.remaining() < rest) {
                throw damaged("it ends too early");
            }
            if (in.remaining() > rest) {
                throw damaged("it goes on after its checksum");
            }
            CRC32 crc = new CRC32();
            crc.update(all, 0, all.length - Long.BYTES);
            if (in.getLong(all.length - Long.BYTES) != crc.getValue()) {
                throw damaged("its checksum does not match its contents");
            }

            int totalCount = in.getInt();
            int words = count(in.getInt());
            Map<String, String[]> dictionary = new HashMap<>(words * 4 / 3 + 1);
            for (int i = 0; i < words; i++) {
                String arabic = readString(in);
                String[] latins = new String[Byte.toUnsignedInt(in.get())];
                for (int k = 0; k < latins.length; k++) {
                    latins[k] = readString(in);
                }
                dictionary.put(arabic, latins);
            }
            int keys = count(in.getInt());
            Map<String, Integer> keyCounts = new HashMap<>(keys * 4 / 3 + 1);
            for (int i = 0; i < keys; i++) {
                keyCounts.put(readString(in), in.getInt());
            }
            int tables = count(in.getInt());
            int[][] codes = new int[tables][];
            double[][] logs = new double[tables][];
            for (int t = 0; t < tables; t++) {
                int size = count(in.getInt());
                codes[t] = new int[size];
                logs[t] = new double[size];
                in.asIntBuffer().get(codes[t]);
                in.position(in.position() + size * Integer.BYTES);
                in.asDoubleBuffer().get(logs[t]);
                in.position(in.position() + size * Double.BYTES);
            }
            if (in.remaining() != Long.BYTES) {
                throw damaged("its contents do not fill it");
            }
            return TransliterationModel.of(new TransliterationModel.Learnt(dictionary, keyCounts, totalCount, codes, logs));
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw damaged("it ends too early");
        } catch (IllegalArgumentException e) {
            throw damaged(e.getMessage());
        }
    }

    private static String readString(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        String s = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }

    private static int count(int n) {
        if (n < 0 || n > 10_000_000) {
            throw new IllegalArgumentException("a count of " + n + " entries");
        }
        return n;
    }

    private static IllegalStateException damaged(String why) {
        return new IllegalStateException("The transliteration model " + RESOURCE + " cannot be used: " + why
                + ". Rebuild Manfadh with Maven (./mvnw package) to learn it again");
    }
}
