/**
 * The text primitives behind the tools of /system/bin: the {@code regex}
 * family (a machine for regular-expression programs that
 * {@code /system/lib/regex.peb} compiles) and the {@code digest} family
 * (MD5 and SHA digests of bytes).
 */
package pebbleos.kernel.text;
