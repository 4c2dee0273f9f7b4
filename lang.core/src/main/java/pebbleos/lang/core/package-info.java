/**
 * The Pebble language core shared by both engines: {@code syntax} (lexer,
 * parser, AST, scope resolution), {@code runtime} (values, operators,
 * errors, modules) and {@code builtins}.
 */
@Export
@Version("1.0.0")
package pebbleos.lang.core;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
