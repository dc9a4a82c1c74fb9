/** The plain-servlet blog example: the SDK on embedded Jetty without Spring. */
@NullMarked
package dev.auditsdk.examples.servlet;

import org.jspecify.annotations.NullMarked;
