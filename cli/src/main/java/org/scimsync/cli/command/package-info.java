/** The subcommands of {@code scim-sync}: each parses its options and renders its results. */
package org.scimsync.cli.command;
