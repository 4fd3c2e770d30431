/** The CSV directory source: a users file and a groups file, RFC 4180, read with Jackson. */
package org.scimsync.sources.csv;
