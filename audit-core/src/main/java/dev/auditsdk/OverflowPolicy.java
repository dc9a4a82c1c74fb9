package dev.auditsdk;

/**
 * What an {@link RecorderMode#ASYNC} recorder does when its queue is full. Every record that is not
 * queued is counted in {@link RecorderStats#dropped()} and logged.
 *
 * @since 0.1
 */
public enum OverflowPolicy {
    /** Wait up to the configured block timeout for room, then drop (the default). */
    BLOCK,
    /** Drop at once; the caller never waits. */
    DROP
}
