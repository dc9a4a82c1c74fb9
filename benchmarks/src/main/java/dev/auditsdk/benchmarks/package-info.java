/** JMH benchmarks; see benchmarks/README.md for the commands. */
@NullMarked
package dev.auditsdk.benchmarks;

import org.jspecify.annotations.NullMarked;
