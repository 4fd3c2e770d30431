/**
 * Real third-party servers for the tests: finding their programs (skipped with a reason when
 * missing, failed under CI), so that every module's real-server tests behave the same way.
 */
package org.scimsync.testing.servers;
