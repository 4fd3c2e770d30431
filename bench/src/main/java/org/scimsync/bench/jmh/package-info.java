/**
 * JMH micro-benchmarks of the planner and of mapping with the AWS sanitizer, in objects per second
 * on one thread; {@link org.scimsync.bench.jmh.PlanningFixture} builds their inputs.
 */
package org.scimsync.bench.jmh;
