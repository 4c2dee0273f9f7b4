package pebbleos.lang.interp;

import java.util.LinkedHashMap;
import java.util.Map;

import pebbleos.lang.core.syntax.Program;

/**
 * Compiled modules by file name and source text, shared by every process of
 * the engine: a program, the runtime API or a library is parsed once, not at
 * every launch. Least recently used entries go first.
 */
final class TreeCache {
    private static final int CAPACITY = 256;

    private final Map<String, CompiledCode> entries = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompiledCode> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The compiled form of {@code source}; syntax errors are raised as located errors. */
    CompiledCode compile(String file, String source) {
        String key = file + '\0' + source;
        synchronized (entries) {
            CompiledCode hit = entries.get(key);
            if (hit != null) {
                return hit;
            }
        }
        Program program = Program.compile(file, source);
        CompiledCode code = new CompiledCode(file, program.globals(), TreeBuilder.module(file, program.body()));
        synchronized (entries) {
            entries.put(key, code);
        }
        return code;
    }
}
