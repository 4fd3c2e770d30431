/**
 * Details of the state stores that other libraries need to reach by class name (Flyway's logger).
 */
package org.scimsync.state.sql.internal;
