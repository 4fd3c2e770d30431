/** Console concerns of the command line: logging setup, terminal detection, exit-code mapping. */
package org.scimsync.cli.internal;
