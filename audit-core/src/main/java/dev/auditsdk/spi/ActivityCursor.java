// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.spi;

import dev.auditsdk.ActivityLog;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

/**
 * The keyset position every store pages by: the {@code (occurredAt, id)} of the last record of a
 * page. Its text form is opaque to users and the same for every store.
 *
 * @param occurredAt the last record's time
 * @param id the last record's id
 * @since 0.1
 */
public record ActivityCursor(Instant occurredAt, UUID id) {
    public ActivityCursor {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(id, "id");
    }

    /** The position just after this record. */
    public static ActivityCursor after(ActivityLog log) {
        return new ActivityCursor(log.occurredAt(), log.id());
    }

    /** The opaque text form, safe in URLs. */
    public String encode() {
        // Not ChronoUnit.MICROS.between: it counts in nanoseconds and overflows 292 years from 1970.
        long micros =
                Math.addExact(Math.multiplyExact(occurredAt.getEpochSecond(), 1_000_000L), occurredAt.getNano() / 1000);
        String raw = micros + "~" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Reads a cursor made by {@link #encode()}.
     *
     * @throws IllegalArgumentException for text that is not such a cursor
     */
    public static ActivityCursor decode(String text) {
        Objects.requireNonNull(text, "text");
        try {
            if (text.length() > 128) {
                throw new IllegalArgumentException("too long");
            }
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
            int sep = raw.indexOf('~');
            if (sep < 1) {
                throw new IllegalArgumentException("no separator");
            }
            long micros = Long.parseLong(raw.substring(0, sep));
            UUID id = UUID.fromString(raw.substring(sep + 1));
            return new ActivityCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw new IllegalArgumentException("malformed activity cursor", e);
        }
    }

    /** Whether a record comes strictly after this position in newest-first order. */
    public boolean isBefore(ActivityLog log) {
        int c = log.occurredAt().compareTo(occurredAt);
        return c < 0 || (c == 0 && ActivityLog.compareIds(log.id(), id) < 0);
    }
}
