/** A test SLF4J binding whose log events tests can capture without touching {@code System.err}. */
@NullMarked
package dev.auditsdk.testlog;

import org.jspecify.annotations.NullMarked;
