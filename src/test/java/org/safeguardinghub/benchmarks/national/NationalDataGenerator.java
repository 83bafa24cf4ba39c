package org.safeguardinghub.benchmarks.national;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.safeguardinghub.HubApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Generates the national-scale data set into a persistent embedded PostgreSQL (the data directory given as the first
 * argument, as {@code HUB_DATA_DIR} would be) so the Hub can be started on it afterwards. Prints, as Markdown, the
 * load steps with their times, every table's rows, size and checksum, the total size and time, and the sign-in
 * emails of partnership 1; writes the checksums to a file for the determinism check.
 *
 * <p>Run {@code scripts/generate-national-data.sh}. Arguments: data dir, partnerships, indicators, years, referrals in
 * partnership 1, referrals in each other partnership, seed, checksum file.
 */
public final class NationalDataGenerator {

    private NationalDataGenerator() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        NationalData.Settings settings = new NationalData.Settings(
                Integer.parseInt(args[1]),
                Integer.parseInt(args[2]),
                Integer.parseInt(args[3]),
                Integer.parseInt(args[4]),
                Integer.parseInt(args[5]),
                Long.parseLong(args[6]));
        Path checksumFile = Path.of(args[7]);

        long start = System.nanoTime();
        SpringApplication application = new SpringApplication(HubApplication.class);
        try (ConfigurableApplicationContext context = application.run(
                "--server.port=0",
                "--hub.database.ephemeral=false",
                "--hub.data-dir=" + dataDir,
                "--hub.demo=true",
                "--logging.level.root=WARN",
                "--logging.level.hub.request=WARN")) {
            double startSeconds = NationalData.seconds(start);
            NationalData data = new NationalData(context, settings);
            long generateStart = System.nanoTime();
            List<Long> ids = data.generateAll();
            double generateSeconds = NationalData.seconds(generateStart);

            long checksumStart = System.nanoTime();
            List<Checksums.TableSum> sums = NationalData.checksums(context);
            double checksumSeconds = NationalData.seconds(checksumStart);
            long databaseBytes;
            try (Connection owner = NationalData.ownerConnection(context);
                    var st = owner.createStatement();
                    var rs = st.executeQuery("select pg_database_size(current_database())")) {
                rs.next();
                databaseBytes = rs.getLong(1);
            }

            List<String> out = new ArrayList<>();
            out.add(String.format(
                    "Settings: %d partnerships, %d indicators, %d years, %,d referrals in partnership 1 and %,d in"
                            + " each other, seed %d. Data directory: %s",
                    settings.partnerships(),
                    settings.indicators(),
                    settings.years(),
                    settings.referrals(),
                    settings.otherReferrals(),
                    settings.seed(),
                    dataDir.toAbsolutePath()));
            out.add("");
            out.add("| Load step | Tables | Seconds |");
            out.add("|---|---|---:|");
            for (NationalData.Step s : data.steps()) {
                out.add(String.format("| %s | %s | %.1f |", s.name(), s.tables(), s.seconds()));
            }
            out.add("");
            out.add("| Table | Rows | Size MB | Checksum |");
            out.add("|---|---:|---:|---|");
            List<String> checksumLines = new ArrayList<>();
            for (Checksums.TableSum t : sums) {
                checksumLines.add(t.table() + " " + t.rows() + " " + t.checksum());
                if (t.rows() > 0) {
                    out.add(String.format(
                            "| %s | %,d | %.1f | `%s` |", t.table(), t.rows(), t.bytes() / 1048576.0, t.checksum()));
                }
            }
            Files.write(checksumFile, checksumLines);
            out.add("");
            out.add(String.format(
                    "Total: database %.2f GB; Hub start (migrations and demo) %.1f s, generation %.1f s, checksums"
                            + " %.1f s, total %.1f s.",
                    databaseBytes / 1073741824.0,
                    startSeconds,
                    generateSeconds,
                    checksumSeconds,
                    NationalData.seconds(start)));
            out.add("");
            out.add("Partnership 1 (id " + ids.get(0) + ", NAT001) users, password `" + NationalData.PASSWORD + "`:");
            NationalData.USERS.forEach(
                    (prefix, role) -> out.add("- " + NationalData.email(prefix, 1) + " (" + role.label() + ")"));
            System.out.println();
            out.forEach(System.out::println);
        }
    }
}
