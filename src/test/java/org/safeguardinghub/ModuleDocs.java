package org.safeguardinghub;

import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Writes the module documentation (docs/modules) so that the same code always gives the same files.
 *
 * <p>Spring Modulith's Documenter lists modules, relations, components and events in the iteration order of hash
 * sets keyed by object identity, so the order changes from one JVM (or one test order) to the next. The files are
 * put in a fixed order afterwards: in the PlantUML diagrams each run of {@code Component(...)} and {@code Rel(...)}
 * lines is sorted, in the AsciiDoc canvases each bullet list (an item with its continuation lines) is sorted by its
 * text. Nothing is added or removed.
 */
final class ModuleDocs {

    private static final Pattern SORTED_PUML_LINE = Pattern.compile("^\\s*(Component|Rel)\\(.*");
    private static final Pattern ADOC_ITEM = Pattern.compile("^\\|?\\* .*");

    private ModuleDocs() {}

    /** The modules of the Hub, imported afresh (not the instance Spring Modulith caches), main code only. */
    static ApplicationModules freshModules() {
        ImportOption mainCodeOnly = location -> !location.contains("/test-classes/");
        return ApplicationModules.of(HubApplication.class, mainCodeOnly);
    }

    /** Generates the documentation of {@code modules} into {@code folder} (emptied first) in a fixed order. */
    static void write(ApplicationModules modules, Path folder) {
        // Documenter output depends on identity hash codes; a thread of its own makes that visible in tests
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                                .writeModulesAsPlantUml()
                                .writeIndividualModulesAsPlantUml()
                                .writeModuleCanvases();
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                },
                "module-docs");
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Documenter failed", failure.get());
        }
        for (Path file : files(folder)) {
            normalise(file);
        }
    }

    static List<Path> files(Path folder) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void normalise(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String name = file.getFileName().toString();
            String sorted = name.endsWith(".puml") ? sortPuml(text) : name.endsWith(".adoc") ? sortAdoc(text) : text;
            if (!sorted.equals(text)) {
                Files.writeString(file, sorted, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sorts each run of consecutive Component(...) or Rel(...) lines. */
    static String sortPuml(String text) {
        List<String> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (SORTED_PUML_LINE.matcher(line).matches()) {
                run.add(line);
                continue;
            }
            flush(run, out);
            out.add(line);
        }
        flush(run, out);
        return String.join("\n", out);
    }

    private static void flush(List<String> run, List<String> out) {
        run.sort(null);
        out.addAll(run);
        run.clear();
    }

    /**
     * Sorts each bullet list. An item starts with {@code * } (or {@code |* } when it opens a table cell) and runs
     * until the next item, the next cell ({@code |...}) or a blank line.
     */
    static String sortAdoc(String text) {
        List<String> out = new ArrayList<>();
        List<String> items = new ArrayList<>();
        StringBuilder item = null;
        boolean opensCell = false;
        for (String line : text.split("\n", -1)) {
            if (ADOC_ITEM.matcher(line).matches()) {
                if (item == null) {
                    opensCell = line.startsWith("|");
                } else {
                    items.add(item.toString());
                }
                item = new StringBuilder(line.startsWith("|") ? line.substring(1) : line);
                continue;
            }
            if (item != null && !line.isEmpty() && !line.startsWith("|")) {
                item.append('\n').append(line);
                continue;
            }
            if (item != null) {
                items.add(item.toString());
                addSorted(items, opensCell, out);
                item = null;
            }
            out.add(line);
        }
        if (item != null) {
            items.add(item.toString());
            addSorted(items, opensCell, out);
        }
        return String.join("\n", out);
    }

    private static void addSorted(List<String> items, boolean opensCell, List<String> out) {
        items.sort(null);
        for (int i = 0; i < items.size(); i++) {
            out.add((i == 0 && opensCell ? "|" : "") + items.get(i));
        }
        items.clear();
    }
}
