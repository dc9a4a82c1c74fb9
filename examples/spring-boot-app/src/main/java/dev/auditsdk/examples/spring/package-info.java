/** The Spring Boot blog example: a small audited API and the activity viewer. */
@NullMarked
package dev.auditsdk.examples.spring;

import org.jspecify.annotations.NullMarked;
