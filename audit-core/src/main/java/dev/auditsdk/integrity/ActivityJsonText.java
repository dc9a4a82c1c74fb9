package dev.auditsdk.integrity;

/** JSON string quoting exactly as {@link CanonicalForm} specifies it. */
final class ActivityJsonText {
    private ActivityJsonText() {}

    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        CanonicalForm.string(sb, s);
        return sb.toString();
    }
}
