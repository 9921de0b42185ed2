package org.qpspin.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Output files written whole or not at all: each file is written to a temporary file in its target directory and
 * renamed over the target (an atomic rename on one file system), so an interrupted or failed run leaves no partial
 * file and never clobbers an existing one; a group of files ({@link #writeAll}) is renamed only once every member is
 * written. A target that is a symbolic link is replaced by the file, not written through.
 *
 * <p>{@link #check} runs the same steps on an empty probe before any work, so that a bad path (a missing or
 * unwritable directory, a directory where the file should be, an empty name) is one line and exit 2 up front, with
 * the reason in words. Errors are {@link UsageException}s naming the option.
 */
final class AtomicOutput {

    /** Writes a file's content. */
    @FunctionalInterface
    interface Content {
        void write(OutputStream out) throws IOException;
    }

    private AtomicOutput() {
    }

    /**
     * Checks before any work that {@code file} can be written for {@code option}: a non-empty name, not a
     * directory, its directory created if missing and writable (a probe file is created there and deleted).
     */
    static void check(Path file, String option) {
        String text = file.toString();
        if (text.isEmpty() || file.getFileName() == null || file.getFileName().toString().isEmpty()) {
            throw new UsageException(option + " needs a file name, got '" + text + "'");
        }
        if (text.endsWith("/") || Files.isDirectory(file)) {
            throw new UsageException("cannot write " + option + " " + file + ": it is a directory");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) { // a device (/dev/full, /dev/null), a pipe: never replaced
            throw new UsageException("cannot write " + option + " " + file + ": not a regular file (a device or "
                    + "pipe); give a file name");
        }
        Path parent = parentOf(file);
        try {
            Files.createDirectories(parent);
            Path probe = Files.createTempFile(parent, "." + file.getFileName() + ".", ".probe");
            Files.delete(probe);
        } catch (IOException e) {
            throw new UsageException("cannot write " + option + " " + file + ": " + reason(e));
        }
    }

    /** Writes a file's content to a given path (for libraries that only write to a file name). */
    @FunctionalInterface
    interface PathContent {
        void write(Path temporary) throws IOException;
    }

    /**
     * As {@link #write}, for a writer that takes a file name: it writes a temporary sibling whose name ends with
     * the target's extension (.png, .svg: libraries append theirs otherwise), then that is renamed.
     */
    static Path writePath(Path file, String option, PathContent content) {
        Path tmp = null;
        try {
            Path parent = parentOf(file);
            Files.createDirectories(parent);
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            tmp = Files.createTempFile(parent, "." + name + ".", ".part" + (dot >= 0 ? name.substring(dot) : ""));
            content.write(tmp);
            move(tmp, file);
            return file;
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
            throw new UsageException("cannot write " + option + " " + file + ": " + reason(e));
        }
    }

    /** Writes {@code file} whole (temporary file, then rename); returns it. */
    static Path write(Path file, String option, Content content) {
        Map<Path, Content> one = new LinkedHashMap<>();
        one.put(file, content);
        writeAll(one, option);
        return file;
    }

    /**
     * Writes every file of {@code files} to a temporary sibling, then renames them all: on any failure nothing is
     * renamed and the temporaries are deleted. Returns the files in order.
     */
    static List<Path> writeAll(Map<Path, Content> files, String option) {
        List<Path> temps = new ArrayList<>();
        List<Path> targets = new ArrayList<>(files.keySet());
        Path current = null;
        try {
            for (Map.Entry<Path, Content> e : files.entrySet()) {
                current = e.getKey();
                Path parent = parentOf(current);
                Files.createDirectories(parent);
                Path tmp = Files.createTempFile(parent, "." + current.getFileName() + ".", ".part");
                temps.add(tmp);
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                    e.getValue().write(out);
                }
            }
            for (int i = 0; i < targets.size(); i++) {
                current = targets.get(i);
                move(temps.get(i), current);
            }
            return targets;
        } catch (IOException e) {
            for (Path t : temps) {
                try {
                    Files.deleteIfExists(t);
                } catch (IOException ignored) {
                    // best effort: a leftover hidden .part file
                }
            }
            throw new UsageException("cannot write " + option + " " + current + ": " + reason(e));
        }
    }

    /** "qpspin: wrote FILE" on {@code err} for each file (stdout stays the results'). */
    static void report(PrintWriter err, List<Path> files) {
        for (Path f : files) {
            err.println("qpspin: wrote " + f);
        }
        err.flush();
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path parentOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? file.toAbsolutePath().getRoot() : parent;
    }

    /** The reason of an I/O failure in words (Java's messages often hold only the path). */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory (" + e.getMessage() + ")";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied (" + e.getMessage() + ")";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory (" + e.getMessage() + ")";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file is in the way of a directory (" + e.getMessage() + ")";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT) + " (" + fs.getFile() + ")";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
