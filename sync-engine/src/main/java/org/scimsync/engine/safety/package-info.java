/**
 * Safety guards: a source that suddenly has no users, and more deletes and disables than the policy
 * allows, stop a run before it removes anything.
 */
package org.scimsync.engine.safety;
