package dev.migrator.sample.devdb;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import com.sun.security.auth.module.UnixSystem;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZ;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * PostgreSQL's binaries made to run as an unprivileged user when the JVM runs as root and
 * may not create a user namespace.
 * <p>
 * {@code initdb} and the server refuse to run as root. As root, zonky's
 * {@code EmbeddedPostgres} runs them in a user namespace of their own
 * ({@code unshare -U}), where they are not root; where that is refused (Docker's default
 * seccomp profile, for one) it runs them as root, and they fail. For that case this
 * resolver hands zonky the same archive with {@code bin/initdb} and {@code bin/pg_ctl}
 * renamed to {@code *.real} and replaced by small shell scripts that run the real program
 * as {@value #USER} with {@code setpriv} (util-linux); {@code pg_ctl} then starts the
 * server as that user too. The data directory must belong to that user: see
 * {@link #handOver(Path)}.
 */
final class UnprivilegedBinaries implements PgBinaryResolver {

    /** The user the server runs as when the JVM is root. */
    static final String USER = "nobody";

    /**
     * The user and group id of {@value #USER} (and of its group {@code nogroup}) on
     * Linux.
     */
    static final int UID = 65534;

    private static final Set<String> WRAPPED = Set.of("bin/initdb", "bin/pg_ctl");

    private final PgBinaryResolver binaries;

    /**
     * Wraps a resolver.
     * @param binaries the resolver of the original archive
     */
    UnprivilegedBinaries(PgBinaryResolver binaries) {
        this.binaries = binaries;
    }

    /**
     * Whether the server needs these binaries: the JVM runs as root and zonky cannot run
     * PostgreSQL in a user namespace of its own ({@code unshare -U}, refused e.g. by
     * Docker's default seccomp profile).
     * @return {@code true} when PostgreSQL would otherwise refuse to start
     */
    static boolean isNeeded() {
        return isRoot() && !LinuxUtils.isUnshareAvailable();
    }

    /**
     * Whether the JVM runs as root.
     * @return {@code true} for user id 0
     */
    static boolean isRoot() {
        return new UnixSystem().getUid() == 0;
    }

    /**
     * Gives a directory to {@value #USER}, so that {@code initdb} can fill it.
     * @param directory an empty directory
     * @throws IOException when the owner cannot be changed
     */
    static void handOver(Path directory) throws IOException {
        Files.setAttribute(directory, "unix:uid", UID);
        Files.setAttribute(directory, "unix:gid", UID);
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        InputStream original = this.binaries.getPgBinary(system, machineHardware);
        if (original == null) {
            return null;
        }
        ByteArrayOutputStream rewritten = new ByteArrayOutputStream(64 * 1024 * 1024);
        try (TarArchiveInputStream in = new TarArchiveInputStream(new XZInputStream(original));
                TarArchiveOutputStream out = new TarArchiveOutputStream(
                        new XZOutputStream(rewritten, storedOnly(), XZ.CHECK_CRC32))) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
                if (WRAPPED.contains(name)) {
                    addWrapper(out, entry, name);
                    entry.setName(name + ".real");
                }
                out.putArchiveEntry(entry);
                if (entry.isFile()) {
                    in.transferTo(out);
                }
                out.closeArchiveEntry();
            }
        }
        return new ByteArrayInputStream(rewritten.toByteArray());
    }

    /**
     * LZMA2 without compression: the archive only travels through memory to zonky, which
     * unpacks it at once, and compressing 55 MB would cost most of a minute on a busy
     * machine.
     */
    private static LZMA2Options storedOnly() throws IOException {
        LZMA2Options options = new LZMA2Options();
        options.setMode(LZMA2Options.MODE_UNCOMPRESSED);
        return options;
    }

    private static void addWrapper(TarArchiveOutputStream out, TarArchiveEntry original, String name)
            throws IOException {
        String program = name.substring(name.indexOf('/') + 1);
        byte[] script = ("#!/bin/sh\n" + "# PostgreSQL refuses to run as root: run " + program + " as " + USER + ".\n"
                + "bin=$(dirname \"$0\")\n" + "chmod a+rx \"$bin\"/* || exit 1\n" + "cd / || exit 1\n"
                + "exec setpriv --reuid=" + UID + " --regid=" + UID + " --clear-groups -- \"$bin/" + program
                + ".real\" \"$@\"\n")
            .getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry wrapper = new TarArchiveEntry(name);
        wrapper.setMode(0755);
        wrapper.setModTime(original.getModTime());
        wrapper.setSize(script.length);
        out.putArchiveEntry(wrapper);
        out.write(script);
        out.closeArchiveEntry();
    }

}
