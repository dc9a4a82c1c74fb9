package dev.auditsdk.read;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The answer of the {@link ActivityReadHandler} for an adapter to send: a status, a content type,
 * headers and a body that is written (an export streams it page by page).
 *
 * @since 0.1
 */
public final class ReadResponse {
    /** Writes a response body. */
    @FunctionalInterface
    public interface Body {
        /**
         * Writes the body.
         *
         * @throws IOException if the writer fails
         */
        void writeTo(Writer out) throws IOException;
    }

    static final String JSON = "application/json;charset=UTF-8";

    private final int status;
    private final String mediaType;
    private final Map<String, String> headers;
    private final Body body;

    private ReadResponse(int status, String mediaType, Map<String, String> headers, Body body) {
        this.status = status;
        this.mediaType = mediaType;
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putIfAbsent("Cache-Control", "no-store");
        all.putIfAbsent("X-Content-Type-Options", "nosniff");
        this.headers = Map.copyOf(all);
        this.body = body;
    }

    static ReadResponse json(int status, String json) {
        return new ReadResponse(status, JSON, Map.of(), out -> out.write(json));
    }

    static ReadResponse json(int status, String json, Map<String, String> headers) {
        return new ReadResponse(status, JSON, headers, out -> out.write(json));
    }

    static ReadResponse error(int status, String code, String message) {
        return json(status, ActivityJsonWriter.error(code, message));
    }

    static ReadResponse stream(String mediaType, Map<String, String> headers, Body body) {
        return new ReadResponse(200, mediaType, headers, Objects.requireNonNull(body, "body"));
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The content type, with its charset (always UTF-8). */
    public String mediaType() {
        return mediaType;
    }

    /** Headers to set besides the content type ({@code Cache-Control: no-store} on every answer). */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * Writes the body; call once.
     *
     * @throws IOException if the writer fails
     */
    public void writeTo(Writer out) throws IOException {
        body.writeTo(Objects.requireNonNull(out, "out"));
    }

    /** The body as text, for small answers and tests; an export is read whole. */
    public String bodyText() {
        StringWriter out = new StringWriter();
        try {
            writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
