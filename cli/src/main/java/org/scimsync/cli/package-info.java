/**
 * The {@code scim-sync} command line: the command tree ({@link
 * org.scimsync.cli.command.ScimSyncCommand}), exit codes and the entry point {@link
 * org.scimsync.cli.Main}.
 */
package org.scimsync.cli;
