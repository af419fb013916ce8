/**
 * The {@code mrz} command line, which the application's entry point starts instead of the server.
 */
@org.springframework.modulith.NamedInterface("cli")
package org.manfadh.document.cli;
