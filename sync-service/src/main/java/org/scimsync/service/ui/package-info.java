/**
 * The status page of {@code scim-sync serve}: read-only HTML pages of the runs, their changes and
 * the managed objects, behind authentication, on the same listener as the webhook. It reads the
 * state store and asks for runs through a {@link org.scimsync.service.ui.StatusProbe}; it never
 * writes to the store.
 */
@NullMarked
package org.scimsync.service.ui;

import org.jspecify.annotations.NullMarked;
