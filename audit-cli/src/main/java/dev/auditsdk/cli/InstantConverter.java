package dev.auditsdk.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** An ISO-8601 instant ({@code 2026-01-31T00:00:00Z}) or a date ({@code 2026-01-31}, midnight UTC). */
final class InstantConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeException e) {
            throw new TypeConversionException(
                    "'" + value + "' is neither an ISO-8601 instant (2026-01-31T00:00:00Z) nor a date (2026-01-31)");
        }
    }
}
