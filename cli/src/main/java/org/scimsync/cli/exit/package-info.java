/**
 * The process exit codes of scim-sync and the one place that maps every module's failure kinds and
 * every run status to them ({@link org.scimsync.cli.exit.ExitCodes}).
 */
package org.scimsync.cli.exit;
