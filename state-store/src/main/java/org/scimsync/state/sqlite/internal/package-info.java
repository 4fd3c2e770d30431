/** Details of the SQLite state store that other libraries need to reach by class name. */
package org.scimsync.state.sqlite.internal;
