// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.internal.recorder;

import dev.auditsdk.ActivityLog;
import dev.auditsdk.spi.ActivityJson;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * One journal line: {@code <crc> <json>\n}, where {@code crc} is the CRC-32C of the JSON's UTF-8
 * bytes as 8 lower-case hex digits and {@code json} is {@link ActivityJson}'s single-line form. A
 * torn write (power loss mid-line) or a flipped bit fails the checksum; the newline keeps every
 * other line readable, so damage never spreads past the lines it touched.
 */
final class JournalCodec {
    static final int CRC_CHARS = 8;

    private JournalCodec() {}

    static byte[] encode(ActivityLog log) {
        byte[] json = ActivityJson.toJson(log).getBytes(StandardCharsets.UTF_8);
        byte[] line = new byte[CRC_CHARS + 1 + json.length + 1];
        String crc = String.format("%08x", crc(json, 0, json.length));
        for (int i = 0; i < CRC_CHARS; i++) {
            line[i] = (byte) crc.charAt(i);
        }
        line[CRC_CHARS] = ' ';
        System.arraycopy(json, 0, line, CRC_CHARS + 1, json.length);
        line[line.length - 1] = '\n';
        return line;
    }

    /**
     * Decodes one line without its newline.
     *
     * @return the record, or null with {@code why[0]} set when the line is damaged
     */
    static @Nullable ActivityLog decode(byte[] buf, int len, String[] why) {
        if (len < CRC_CHARS + 3 || buf[CRC_CHARS] != ' ') {
            why[0] = "malformed line";
            return null;
        }
        long expected;
        try {
            expected = Long.parseLong(new String(buf, 0, CRC_CHARS, StandardCharsets.US_ASCII), 16);
        } catch (NumberFormatException e) {
            why[0] = "malformed checksum";
            return null;
        }
        int from = CRC_CHARS + 1;
        if (crc(buf, from, len - from) != expected) {
            why[0] = "checksum mismatch";
            return null;
        }
        try {
            return ActivityJson.fromJson(new String(buf, from, len - from, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            why[0] = "undecodable record: " + e.getMessage();
            return null;
        }
    }

    private static long crc(byte[] b, int off, int len) {
        CRC32C c = new CRC32C();
        c.update(b, off, len);
        return c.getValue();
    }
}
