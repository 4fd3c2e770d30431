/**
 * The executor: applies a plan's changes in dependency order with bounded parallelism, journals
 * each one before and after, adopts on conflict, and repairs changes left unfinished by a killed
 * run.
 */
package org.scimsync.engine.apply;
