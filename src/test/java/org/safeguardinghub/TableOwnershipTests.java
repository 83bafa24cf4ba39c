package org.safeguardinghub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every table belongs to the module whose migration folder ({@code db/migration/<module>}) creates it, and only that
 * module's Java names it in SQL. Other modules go through the owner's facade, a read model it publishes (a view its
 * migrations create, readable but never written by others) or an event. {@code ApplicationModules.verify()} cannot see
 * SQL, so this test reads the source.
 *
 * <p>How it finds SQL, precisely enough to raise no false alarm on messages such as "Removed from the group": every
 * string literal and text block in {@code src/main/java/org/safeguardinghub/<module>/} (comments and char literals
 * skipped) that has the shape of SQL (a {@code select ... from}, {@code insert into}, {@code update ... set},
 * {@code delete from}, or a fragment appended to a query that starts {@code from t ... where} or {@code join t ... on})
 * is searched for the identifiers that
 * follow {@code from}, {@code join}, {@code into}, {@code update}, {@code table} and {@code truncate} (with the comma
 * list after {@code from}, and an optional {@code public.} schema). An identifier counts only if a migration creates a
 * table or view of that name, so column names, aliases and English words never match. Module = first package under
 * {@code org.safeguardinghub}; the {@code __root} migrations are the platform's ({@code event_publication},
 * {@code spring_session}, {@code scheduled_job_run}), which identity may also use for sessions. SQL assembled from
 * variables (a table name in a Java variable) is not seen; the stores do not do that for other modules' tables.
 */
class TableOwnershipTests {

    static final Path JAVA = Path.of("src/main/java/org/safeguardinghub");
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** Platform tables another module may name, and which. */
    static final Map<String, Set<String>> PLATFORM_TABLE_USERS =
            Map.of("spring_session", Set.of("identity"), "spring_session_attributes", Set.of("identity"));

    /**
     * References being moved behind their owners' facades in parallel work; remove each line when its file no longer
     * names the table. Format: path under org/safeguardinghub, a space, the table.
     */
    static final Set<String> KNOWN_EXCEPTIONS = Set.of();

    private static final Pattern CREATES =
            Pattern.compile("(?i)\\bcreate\\s+(?:or\\s+replace\\s+)?(?:unlogged\\s+)?(table|view|materialized\\s+view)"
                    + "\\s+(?:if\\s+not\\s+exists\\s+)?(?:public\\.)?([a-z_][a-z0-9_]*)");
    private static final Pattern SQL_SHAPE = Pattern.compile(
            "(?is)\\bselect\\b.*\\bfrom\\s|\\binsert\\s+into\\s|\\bupdate\\s+[a-z_][a-z0-9_.]*(\\s+[a-z_]+)?\\s+set\\s"
                    + "|\\bdelete\\s+from\\s"
                    + "|^\\s*(from|(left\\s+|inner\\s+|cross\\s+)?join)\\s+[a-z_][a-z0-9_.]*(\\s+(as\\s+)?[a-z_][a-z0-9_]*)?"
                    + "\\s+(on|where|using|join|left|inner|cross|order|group)\\b");
    private static final String IDENT = "(?:public\\.)?([a-z_][a-z0-9_]*)";
    private static final Pattern NAMED =
            Pattern.compile("(?i)\\b(from|join|into|update|table|truncate)\\s+(?:only\\s+)?" + IDENT
                    + "((?:\\s+(?:as\\s+)?[a-z_][a-z0-9_]*)?"
                    + "(?:\\s*,\\s*(?:public\\.)?[a-z_][a-z0-9_]*(?:\\s+(?:as\\s+)?[a-z_][a-z0-9_]*)?)*)");
    private static final Pattern LISTED = Pattern.compile("(?i),\\s*(?:public\\.)?([a-z_][a-z0-9_]*)");
    private static final Pattern WRITE = Pattern.compile("(?i)into|update|table|truncate");

    record Relation(String name, String module, boolean view) {}

    record Reference(String file, int line, String module, String table, boolean write) {}

    @Test
    void eachModulesSqlNamesOnlyItsOwnTablesAndOthersPublishedViews() {
        Map<String, Relation> owners = owners();
        List<String> found = new ArrayList<>();
        for (Reference r : references(owners.keySet())) {
            Relation owner = owners.get(r.table());
            boolean allowed = owner.module().equals(r.module())
                    || (owner.view() && !r.write())
                    || PLATFORM_TABLE_USERS.getOrDefault(r.table(), Set.of()).contains(r.module());
            if (!allowed && !KNOWN_EXCEPTIONS.contains(r.file() + " " + r.table())) {
                found.add("%s:%d (module %s) %s %s, owned by %s%s"
                        .formatted(
                                r.file(),
                                r.line(),
                                r.module(),
                                r.write() ? "writes" : "reads",
                                r.table(),
                                owner.module(),
                                owner.view() ? " (a published view: read it, do not write it)" : ""));
            }
        }
        assertThat(found)
                .as("SQL naming another module's table; use the owner's facade, a view it publishes or an event")
                .isEmpty();
    }

    @Test
    void knownExceptionsAreStillNeeded() {
        Map<String, Relation> owners = owners();
        Set<String> seen = new TreeSet<>();
        for (Reference r : references(owners.keySet())) {
            seen.add(r.file() + " " + r.table());
        }
        assertThat(seen).as("known exceptions no longer in the code").containsAll(KNOWN_EXCEPTIONS);
    }

    @Test
    void theScannerSeesSqlInLiteralsAndTextBlocksAndIgnoresProse() {
        Set<String> tables = Set.of("referral", "agency", "task", "partnership");
        String source = """
                class X {
                    // select * from referral  (a comment)
                    String a = "select r.id from referral r join agency a on a.id = r.agency_id";
                    String b = \"""
                            insert into task (title)
                            select name from partnership p, agency q\""";
                    String c = "Removed from agency " + name + " and moved into task";
                    String d = " join agency a on a.id = x.agency_id";
                    char e = '"';
                    String f = "update referral set status = 'X'";
                    String g = label + " from agency";
                }
                """;
        List<String> seen = scan("x/X.java", "x", source, tables).stream()
                .map(r -> r.line() + " " + r.table() + (r.write() ? " w" : ""))
                .toList();
        assertThat(seen)
                .containsExactly(
                        "3 referral", "3 agency", "5 task w", "6 partnership", "6 agency", "8 agency", "10 referral w");
    }

    static Map<String, Relation> owners() {
        Map<String, Relation> owners = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (Path sql : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                String folder = MIGRATIONS.relativize(sql).getName(0).toString();
                String module = folder.equals("__root") ? "platform" : folder;
                Matcher m = CREATES.matcher(Files.readString(sql));
                while (m.find()) {
                    String name = m.group(2).toLowerCase();
                    Relation previous = owners.put(
                            name, new Relation(name, module, m.group(1).contains("view")));
                    assertThat(previous == null || previous.module().equals(module))
                            .as("%s is created by two modules", name)
                            .isTrue();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(owners).as("tables found in the migrations").containsKeys("referral", "task", "app_user");
        return owners;
    }

    static List<Reference> references(Set<String> tables) {
        List<Reference> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path java : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path relative = JAVA.relativize(java);
                if (relative.getNameCount() < 2) {
                    continue; // HubApplication: no module
                }
                all.addAll(scan(
                        relative.toString().replace('\\', '/'),
                        relative.getName(0).toString(),
                        Files.readString(java),
                        tables));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(all).as("SQL found in the sources").hasSizeGreaterThan(100);
        return all;
    }

    static List<Reference> scan(String file, String module, String source, Set<String> tables) {
        List<Reference> found = new ArrayList<>();
        for (Literal literal : literals(source)) {
            if (!SQL_SHAPE.matcher(literal.text()).find()) {
                continue;
            }
            Matcher m = NAMED.matcher(literal.text());
            while (m.find()) {
                boolean write = WRITE.matcher(m.group(1)).matches();
                List<String> names = new ArrayList<>(List.of(m.group(2).toLowerCase()));
                if (m.group(1).equalsIgnoreCase("from")) {
                    Matcher listed = LISTED.matcher(m.group(3));
                    while (listed.find()) {
                        names.add(listed.group(1).toLowerCase());
                    }
                }
                for (String name : names) {
                    if (tables.contains(name)) {
                        int line = literal.line()
                                + (int) literal.text()
                                        .substring(0, m.start())
                                        .chars()
                                        .filter(c -> c == '\n')
                                        .count();
                        found.add(new Reference(file, line, module, name, write));
                    }
                }
            }
        }
        return found;
    }

    record Literal(int line, String text) {}

    /** String literals and text blocks with the line each starts on; comments and char literals skipped. */
    static List<Literal> literals(String src) {
        List<Literal> out = new ArrayList<>();
        int i = 0;
        int line = 1;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (src.startsWith("//", i)) {
                int end = src.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2) + 2;
                line += count(src, i, end);
                i = end;
            } else if (src.startsWith("\"\"\"", i)) {
                int end = closing(src, i + 3, "\"\"\"");
                int body = src.indexOf('\n', i) + 1; // a text block starts on the line after its opening quotes
                out.add(new Literal(line + 1, src.substring(body, end)));
                line += count(src, i, end);
                i = end + 3;
            } else if (c == '"' || c == '\'') {
                int end = closing(src, i + 1, String.valueOf(c));
                if (c == '"') {
                    out.add(new Literal(line, src.substring(i + 1, end)));
                }
                i = end + 1;
            } else {
                if (c == '\n') {
                    line++;
                }
                i++;
            }
        }
        return out;
    }

    private static int closing(String src, int from, String quote) {
        int i = from;
        while (!src.startsWith(quote, i)) {
            i += src.charAt(i) == '\\' ? 2 : 1;
        }
        return i;
    }

    private static int count(String src, int from, int to) {
        int lines = 0;
        for (int i = from; i < to; i++) {
            if (src.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
