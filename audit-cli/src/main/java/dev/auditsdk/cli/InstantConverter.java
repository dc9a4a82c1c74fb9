// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.cli;

import dev.auditsdk.read.ActivityQueryParameters;
import java.time.Instant;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A time as the read API's {@code from} takes it (ISO-8601 instant or date-time with offset, a local
 * date-time in UTC, or a date meaning its midnight UTC): its parser is the one rule for times.
 */
final class InstantConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        try {
            return ActivityQueryParameters.parse(Map.of("from", new String[] {value}))
                    .from()
                    .orElseThrow(() -> new IllegalArgumentException("blank"));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is neither an ISO-8601 instant or date-time "
                    + "(2026-01-31T00:00:00Z) nor a date (2026-01-31)");
        }
    }
}
