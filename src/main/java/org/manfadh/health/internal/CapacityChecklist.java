package org.manfadh.health.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.manfadh.health.PointOfEntryCapacity;
import org.manfadh.platform.Sha256;

/**
 * The core-capacity checklist as shipped ({@code health/poe-core-capacities.csv}: code, area, capacity, weight and
 * the item's text in English, Arabic and Central Kurdish), read once. A malformed file stops the start-up: an
 * assessment against a half-read checklist would be scored wrong.
 */
final class CapacityChecklist {

    static final String RESOURCE = "/health/poe-core-capacities.csv";

    private CapacityChecklist() {
    }

    static PointOfEntryCapacity.Checklist load() {
        try (InputStream in = CapacityChecklist.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The core-capacity checklist " + RESOURCE + " is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("The core-capacity checklist " + RESOURCE + " cannot be read", e);
        }
    }

    static PointOfEntryCapacity.Checklist parse(String text) {
        List<PointOfEntryCapacity.Item> items = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = new java.io.StringReader(text)) {
            for (CSVRecord r : format.parse(reader)) {
                String code = r.get("code").strip();
                if (!code.matches("[A-Z][A-Z0-9_]{0,15}") || !codes.add(code)) {
                    throw new IllegalStateException("Checklist line " + r.getRecordNumber() + ": code '" + code
                            + "' is malformed or repeated");
                }
                int weight = Integer.parseInt(r.get("weight").strip());
                if (weight < 1 || weight > 10) {
                    throw new IllegalStateException("Checklist item " + code + ": weight " + weight + " is not 1–10");
                }
                PointOfEntryCapacity.Item item = new PointOfEntryCapacity.Item(code,
                        PointOfEntryCapacity.Area.valueOf(r.get("area").strip()), r.get("capacity").strip(), weight,
                        r.get("en").strip(), r.get("ar").strip(), r.get("ckb").strip());
                if (item.textEn().isEmpty() || item.textAr().isEmpty() || item.textCkb().isEmpty()) {
                    throw new IllegalStateException("Checklist item " + code + " lacks its text in a language");
                }
                items.add(item);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("The core-capacity checklist is malformed: " + e.getMessage(), e);
        }
        if (items.isEmpty()) {
            throw new IllegalStateException("The core-capacity checklist has no items");
        }
        return new PointOfEntryCapacity.Checklist(Sha256.hex(text).substring(0, 12), List.copyOf(items));
    }
}
