package org.safeguardinghub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.Label;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;

/**
 * Size limits a reader can hold in their head: no source file in {@code src/main/java} over 600 lines, and no
 * method whose code spans more than 80 lines. A method's span is read from the compiled class's line-number table
 * (first to last line that holds code), so Javadoc and blank lines around it do not count, and a lambda's body counts
 * within the method that writes it. A constructor's table also holds the field initialisers spread over the class,
 * so for a constructor the rule counts the lines that hold code instead of their span; static initialisers are data
 * tables (constants, vocabularies) and are not methods.
 */
class CodeSizeTests {

    static final int MAX_FILE_LINES = 600;
    static final int MAX_METHOD_LINES = 80;

    @Test
    void noSourceFileIsOver600Lines() throws IOException {
        List<String> over = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                long lines = Files.readAllLines(file).size();
                if (lines > MAX_FILE_LINES) {
                    over.add(file + " has " + lines + " lines");
                }
            }
        }
        assertThat(over).isEmpty();
    }

    @Test
    void noMethodSpansMoreThan80Lines() throws IOException {
        assertThat(longMethods(Path.of("target/classes"))).isEmpty();
    }

    @Test
    void theMethodRuleSeesALongMethod() throws IOException {
        Path classes = Path.of("target/test-classes");
        List<String> found = longMethods(classes);
        assertThat(found).anyMatch(s -> s.contains("LongMethodExample.tooLong"));
        assertThat(found).noneMatch(s -> s.contains("LongMethodExample.shortEnough"));
    }

    static List<String> longMethods(Path root) throws IOException {
        List<String> over = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    new ClassReader(in).accept(new SpanReader(over), ClassReader.SKIP_FRAMES);
                }
            }
        }
        return over;
    }

    /** Collects, for every method of one class, the first and last source line that holds its code. */
    private static final class SpanReader extends ClassVisitor {
        private final List<String> over;
        private String className;

        SpanReader(List<String> over) {
            super(Opcodes.ASM9);
            this.over = over;
        }

        @Override
        public void visit(int v, int access, String name, String sig, String superName, String[] interfaces) {
            className = name.replace('/', '.');
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9) {
                final TreeSet<Integer> lines = new TreeSet<>();

                @Override
                public void visitLineNumber(int line, Label start) {
                    lines.add(line);
                }

                @Override
                public void visitEnd() {
                    if (lines.isEmpty() || name.equals("<clinit>")) {
                        return;
                    }
                    int span = name.equals("<init>") ? lines.size() : lines.last() - lines.first() + 1;
                    if (span > MAX_METHOD_LINES) {
                        over.add(className + "." + name + " spans " + span + " lines from line " + lines.first());
                    }
                }
            };
        }
    }
}
