/**
 * The recorder's implementation: the journal and (once moved here) the pipeline behind
 * {@link dev.auditsdk.ActivityRecorder}. Not API: anything here and in the {@code internal.*}
 * packages may change in any release. Other modules use only the public packages and the SPI.
 */
@NullMarked
package dev.auditsdk.internal;

import org.jspecify.annotations.NullMarked;
