package org.safeguardinghub.platform.yaml;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a YAML file into a typed record with Jackson YAML and checks it with Bean Validation, so a file is taken
 * whole or refused with every problem named by file and field ({@code section11/staff-survey.yml:
 * questions[2].text: must not be blank}). Duplicate keys are refused; unknown keys are refused too, so a misspelt
 * field is not silently ignored.
 */
public final class YamlFiles {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final Validator VALIDATOR = validator();

    private YamlFiles() {}

    /** A YAML file that cannot be read as its record, with every problem found. */
    public static final class InvalidFile extends RuntimeException {
        private final List<String> problems;

        InvalidFile(String file, List<String> problems) {
            super(file + ": " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        /** Each problem as {@code field: what is wrong}. */
        public List<String> problems() {
            return problems;
        }
    }

    /** Reads a file on the class path. */
    public static <T> T readResource(String resource, Class<T> type) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return read(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8), type);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }

    /** Reads YAML text; {@code file} names it in any problem. */
    public static <T> T read(String file, String text, Class<T> type) {
        if (text.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("#"))) {
            throw new InvalidFile(file, List.of("file: empty"));
        }
        T value;
        try {
            value = YAML.readValue(text, type);
        } catch (JacksonException e) {
            throw new InvalidFile(file, List.of(path(e) + firstLine(e.getOriginalMessage())));
        }
        if (value == null) {
            throw new InvalidFile(file, List.of("file: empty"));
        }
        Set<ConstraintViolation<T>> violations = VALIDATOR.validate(value);
        if (!violations.isEmpty()) {
            throw new InvalidFile(
                    file,
                    violations.stream()
                            .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                            .sorted(Comparator.naturalOrder())
                            .toList());
        }
        return value;
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "file: " : path + ": ";
    }

    private static String firstLine(String message) {
        return message == null ? "not valid YAML" : message.lines().findFirst().orElse("not valid YAML");
    }

    private static Validator validator() {
        ValidatorFactory factory = Validation.buildDefaultValidatorFactory(); // kept for the application's life
        return factory.getValidator();
    }
}
