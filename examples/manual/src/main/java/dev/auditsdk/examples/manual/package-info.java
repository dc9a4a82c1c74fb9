/** A plain Java program recording business events with the recorder: an invoice approval workflow. */
@NullMarked
package dev.auditsdk.examples.manual;

import org.jspecify.annotations.NullMarked;
