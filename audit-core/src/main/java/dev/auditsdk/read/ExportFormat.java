// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Audit SDK Authors
package dev.auditsdk.read;

import java.util.Map;
import java.util.Objects;

/**
 * The formats of an {@link ActivityExport}: {@code csv} ({@link ActivityCsvWriter}) and {@code jsonl}
 * (JSON Lines, {@link ActivityJsonWriter#writeLine}).
 *
 * @since 0.1
 */
public enum ExportFormat {
    /** RFC 4180 CSV with a header row, formula-safe. */
    CSV("csv", "text/csv;charset=UTF-8"),
    /** One JSON object a line, each as the read API writes a record. */
    JSONL("jsonl", "application/x-ndjson;charset=UTF-8");

    private final String extension;
    private final String mediaType;

    ExportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** The file name extension and parameter value, {@code csv} or {@code jsonl}. */
    public String extension() {
        return extension;
    }

    /** The response's content type, with its UTF-8 charset. */
    public String mediaType() {
        return mediaType;
    }

    /**
     * The format with this name, in any case and with surrounding blanks ignored.
     *
     * @throws IllegalArgumentException if it is neither {@code csv} nor {@code jsonl}
     */
    public static ExportFormat parse(String name) {
        Objects.requireNonNull(name, "name");
        for (ExportFormat f : values()) {
            if (f.extension.equalsIgnoreCase(name.strip())) {
                return f;
            }
        }
        String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
        throw new IllegalArgumentException("parameter 'format' must be csv or jsonl, got '" + shown + "'");
    }

    /**
     * The format a request's {@code format} parameter asks for; {@link #CSV} when it is absent.
     *
     * @throws IllegalArgumentException if it is given more than once or names no format
     */
    public static ExportFormat fromParameters(Map<String, String[]> params) {
        String[] values = params.get("format");
        if (values == null || values.length == 0) {
            return CSV;
        }
        if (values.length > 1) {
            throw new IllegalArgumentException("parameter 'format' was given more than once");
        }
        return parse(values[0]);
    }
}
