/**
 * The regular-expression machine: {@link pebbleos.kernel.text.regex.Program}
 * (the instruction set and its checks), Pike's VM for leftmost-longest
 * matching in linear time, and a backtracker for backreferences.
 */
package pebbleos.kernel.text.regex;
