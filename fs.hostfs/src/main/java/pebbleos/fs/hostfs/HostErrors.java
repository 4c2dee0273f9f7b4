package pebbleos.fs.hostfs;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.fs.FsErrors;

/**
 * The host's I/O failures as Pebble errnos. The host's message is never
 * shown: it would name host paths outside the Pebble root. NIO reports some
 * conditions only as the C library's text ({@code Not a directory}), which is
 * matched here.
 */
final class HostErrors {
    private HostErrors() {
    }

    static PebbleException map(IOException e, String path) {
        if (e instanceof NoSuchFileException) {
            return FsErrors.notFound(path);
        }
        if (e instanceof FileAlreadyExistsException) {
            return FsErrors.exists(path);
        }
        if (e instanceof DirectoryNotEmptyException) {
            return FsErrors.notEmpty(path);
        }
        if (e instanceof NotDirectoryException) {
            return FsErrors.notDirectory(path);
        }
        if (e instanceof AccessDeniedException) {
            return FsErrors.of(Errno.ACCES, path);
        }
        String reason = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        if (reason != null) {
            if (reason.contains("Not a directory")) {
                return FsErrors.notDirectory(path);
            }
            if (reason.contains("Is a directory")) {
                return FsErrors.isDirectory(path);
            }
            if (reason.contains("Directory not empty")) {
                return FsErrors.notEmpty(path);
            }
            if (reason.contains("File exists")) {
                return FsErrors.exists(path);
            }
            if (reason.contains("Invalid argument")) {
                return FsErrors.of(Errno.INVAL, path);
            }
            if (reason.contains("No space left")) {
                return FsErrors.of(Errno.NOSPC, path);
            }
            if (reason.contains("File name too long")) {
                return FsErrors.of(Errno.NAMETOOLONG, path);
            }
            if (reason.contains("symbolic link")) {
                return FsErrors.escapes(path);
            }
        }
        return FsErrors.io(e.getClass().getSimpleName(), path);
    }
}
