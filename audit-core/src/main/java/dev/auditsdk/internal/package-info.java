/** Implementation details shared between Audit SDK modules. Not API: anything here may change in any release. */
@NullMarked
package dev.auditsdk.internal;

import org.jspecify.annotations.NullMarked;
