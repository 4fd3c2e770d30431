/** A throughput benchmark of the emulator, run by hand (never part of the build's tests). */
package org.scimsync.emulator.bench;
