/** Binds application records to Spring-managed transactions. */
@NullMarked
package dev.auditsdk.spring.tx;

import org.jspecify.annotations.NullMarked;
