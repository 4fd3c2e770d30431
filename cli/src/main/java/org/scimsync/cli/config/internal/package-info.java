/** How the configuration file is parsed: interpolation, locations, value types, suggestions. */
package org.scimsync.cli.config.internal;
