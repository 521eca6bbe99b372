package dev.migrator.internal.resolve;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.loader.launch.JarLauncher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds a real Spring Boot executable jar (launcher classes at the root, the application
 * in {@code BOOT-INF/classes}, libraries as STORED jars in {@code BOOT-INF/lib}), starts
 * it with {@code java -jar}, and checks what {@link NestedJarProbe} resolved there.
 */
class SpringBootJarResolutionTests {

    @TempDir
    static Path dir;

    static List<String> output;

    @BeforeAll
    static void runExecutableJar() throws Exception {
        Path app = buildExecutableJar(dir.resolve("app.jar"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-jar", app.toString(), "classpath:db/migration",
                "classpath:dup")
            .redirectErrorStream(true)
            .start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("java -jar finished").isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("exit code; output:%n%s", text).isZero();
        output = text.lines().toList();
    }

    @Test
    void classpathRootsAreNestedJarUrlsOpenedAsJarUrlConnections() {
        String app = dir.resolve("app.jar").toString();
        assertThat(output).contains("url jar:nested:" + app + "/!BOOT-INF/classes/!/db/migration "
                + "org.springframework.boot.loader.net.protocol.jar.JarUrlConnection");
        assertThat(output).contains("url jar:nested:" + app + "/!BOOT-INF/lib/more-migrations.jar!/db/migration "
                + "org.springframework.boot.loader.net.protocol.jar.JarUrlConnection");
    }

    @Test
    void migrationsFromBootInfClassesAndBootInfLibAreResolvedInOrder() {
        assertThat(section("classpath:db/migration")).containsExactly(
                "migration 001|init|001_init.sql|" + sha256("create table a (id int);\n")
                        + "|classpath:db/migration/001_init.sql|create table a (id int);\\n|drop table a;",
                "migration 002|more|002_more.sql|" + sha256("create table b (id int);")
                        + "|classpath:db/migration/002_more.sql|create table b (id int);|-",
                "migration null|view|sub/R__view.sql|" + sha256("create view v as select 1;")
                        + "|classpath:db/migration/sub/R__view.sql|create view v as select 1;|-");
    }

    @Test
    void duplicateAcrossBootInfClassesAndALibraryNamesBothPlaces() {
        String app = dir.resolve("app.jar").toString();
        assertThat(section("classpath:dup")).singleElement()
            .asString()
            .startsWith("error Invalid migration files: Version 1 is used by 2 files: classpath:dup/1_a.sql (in "
                    + "jar:nested:" + app + "/!BOOT-INF/classes/!/dup), classpath:dup/1_a.sql (in jar:nested:" + app
                    + "/!BOOT-INF/lib/more-migrations.jar!/dup)");
    }

    private static List<String> section(String location) {
        int start = output.indexOf("location " + location);
        assertThat(start).as("output:%n%s", String.join("\n", output)).isNotNegative();
        List<String> lines = new ArrayList<>();
        for (String line : output.subList(start + 1, output.size())) {
            if (line.startsWith("location ")) {
                break;
            }
            if (line.startsWith("migration ") || line.startsWith("error ")) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static String sha256(String text) {
        try {
            return ScriptText.checksum(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "x");
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Path buildExecutableJar(Path target) throws IOException, URISyntaxException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, JarLauncher.class.getName());
        manifest.getMainAttributes().putValue("Start-Class", NestedJarProbe.class.getName());
        manifest.getMainAttributes().putValue("Spring-Boot-Classes", "BOOT-INF/classes/");
        manifest.getMainAttributes().putValue("Spring-Boot-Lib", "BOOT-INF/lib/");
        try (OutputStream file = Files.newOutputStream(target);
                JarOutputStream jar = new JarOutputStream(file, manifest)) {
            JarWriter writer = new JarWriter(jar);
            copyLoaderClasses(writer);
            writer.file("BOOT-INF/classes/" + NestedJarProbe.class.getName().replace('.', '/') + ".class",
                    classBytes(NestedJarProbe.class), false);
            writer.file("BOOT-INF/classes/db/migration/001_init.sql", utf8("create table a (id int);\r\n"), false);
            writer.file("BOOT-INF/classes/db/migration/rollback/001_undo.sql", utf8("drop table a;"), false);
            writer.file("BOOT-INF/classes/dup/1_a.sql", utf8("select 1;"), false);
            writer.file("BOOT-INF/lib/migrator-core.jar", jarOf(codeSource(MigrationResolver.class)), true);
            writer.file("BOOT-INF/lib/slf4j-api.jar", Files.readAllBytes(codeSource(LoggerFactory.class)), true);
            writer.file("BOOT-INF/lib/more-migrations.jar", moreMigrationsJar(), true);
        }
        return target;
    }

    private static void copyLoaderClasses(JarWriter writer) throws IOException, URISyntaxException {
        try (InputStream in = Files.newInputStream(codeSource(JarLauncher.class));
                JarInputStream loader = new JarInputStream(in)) {
            for (JarEntry entry = loader.getNextJarEntry(); entry != null; entry = loader.getNextJarEntry()) {
                if (!entry.isDirectory() && entry.getName().startsWith("org/springframework/boot/loader/")) {
                    writer.file(entry.getName(), loader.readAllBytes(), false);
                }
            }
        }
    }

    private static byte[] moreMigrationsJar() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            JarWriter writer = new JarWriter(jar);
            writer.file("db/migration/002_more.sql", utf8("create table b (id int);"), false);
            writer.file("db/migration/sub/R__view.sql", utf8("create view v as select 1;"), false);
            writer.file("dup/1_a.sql", utf8("select 1;"), false);
        }
        return bytes.toByteArray();
    }

    /** A jar of a directory of classes (migrator-core's target/classes). */
    private static byte[] jarOf(Path classes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes); Stream<Path> files = Files.walk(classes)) {
            JarWriter writer = new JarWriter(jar);
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                writer.file(classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file), false);
            }
        }
        return bytes.toByteArray();
    }

    private static Path codeSource(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static byte[] classBytes(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes entries with their parent directory entries; nested jars STORED, as Spring
     * Boot requires.
     */
    private static final class JarWriter {

        private final JarOutputStream jar;

        private final Set<String> directories = new HashSet<>();

        JarWriter(JarOutputStream jar) {
            this.jar = jar;
        }

        void file(String name, byte[] content, boolean stored) throws IOException {
            for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
                String directory = name.substring(0, slash + 1);
                if (this.directories.add(directory)) {
                    this.jar.putNextEntry(new JarEntry(directory));
                    this.jar.closeEntry();
                }
            }
            JarEntry entry = new JarEntry(name);
            if (stored) {
                CRC32 crc = new CRC32();
                crc.update(content);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(content.length);
                entry.setCompressedSize(content.length);
                entry.setCrc(crc.getValue());
            }
            this.jar.putNextEntry(entry);
            this.jar.write(content);
            this.jar.closeEntry();
        }

    }

}
