package dev.auditsdk;

/**
 * How many records match a query: exact up to the bound the caller gave, otherwise "at least
 * {@code value}", so counting a large trail costs no more than reading that many index entries.
 *
 * @param value the exact count, or the bound when there are more
 * @param exact false when more than {@code value} records match
 * @since 0.1
 */
public record ActivityCount(long value, boolean exact) {
    public ActivityCount {
        if (value < 0) {
            throw new IllegalArgumentException("value must not be negative, got " + value);
        }
    }

    /** The count for {@code matched} records found while looking for at most {@code bound + 1}. */
    public static ActivityCount upTo(long matched, long bound) {
        return matched > bound ? new ActivityCount(bound, false) : new ActivityCount(matched, true);
    }
}
