package dev.migrator.internal.resolve;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * Lists every file below a directory, following symbolic links (a Kubernetes ConfigMap
 * mount is made of them) and skipping hidden files and directories (names starting with
 * '.', such as {@code .git} or the ConfigMap's {@code ..data}). Directories that cannot
 * be listed are problems naming them.
 */
final class DirectoryScanner {

    private DirectoryScanner() {
    }

    static void scan(Location location, Path root, List<LocatedScript> found, Problems problems) {
        List<LocatedScript> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {

                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            return (!dir.equals(root) && isHidden(dir)) ? FileVisitResult.SKIP_SUBTREE
                                    : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (attrs.isRegularFile() && !isHidden(file)) {
                                files.add(new FileScript(location, relativePath(root, file), file, root, attrs.size()));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException ex) {
                            if (!isHidden(file)) {
                                String name = file.equals(root) ? location.displayName()
                                        : location.displayName(relativePath(root, file));
                                problems.add(name, 0, name + " cannot be read: " + Problems.reason(ex) + " (" + file
                                        + "). Fix: make it readable by the application, or remove it", ex);
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        }
        catch (IOException ex) {
            problems.add(location.displayName(), 0,
                    location.displayName() + " cannot be listed: " + Problems.reason(ex) + " (" + root + ")", ex);
        }
        files.sort(Comparator.comparing(LocatedScript::relativePath));
        found.addAll(files);
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static String relativePath(Path root, Path file) {
        String relative = root.relativize(file).toString();
        return (file.getFileSystem().getSeparator().equals("/")) ? relative
                : relative.replace(file.getFileSystem().getSeparator(), "/");
    }

}
