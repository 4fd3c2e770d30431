/**
 * Loading the configuration file ({@link org.scimsync.cli.config.ConfigLoader}) into immutable,
 * validated records ({@link org.scimsync.cli.config.ScimSyncConfig}).
 */
package org.scimsync.cli.config;
