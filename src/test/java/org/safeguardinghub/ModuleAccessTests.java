package org.safeguardinghub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.identity.Role;
import org.safeguardinghub.platform.modules.ModuleAccess;
import org.safeguardinghub.platform.modules.Modules;
import org.safeguardinghub.platform.modules.NavEntry;
import org.safeguardinghub.platform.modules.RouteRule;
import org.safeguardinghub.platform.security.Audience;
import org.safeguardinghub.platform.security.Permission;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Each module declares its own routes, permissions and menu entries, in its own {@code <Module>Access} class, and
 * nothing outside a module declares them for it: the shared security configuration and page layout name no
 * module's paths, a permission constant lives in the module that grants it, and no role is spelled out as a string
 * outside the identity module.
 */
class ModuleAccessTests {

    static final String ROOT = "org.safeguardinghub";
    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ModularityTests.MAIN_CODE_ONLY)
            .importPackages(ROOT);
    static final List<ModuleAccess> MODULES = Modules.access();

    @Test
    void eachModuleDeclaresItselfInOneAccessClassInItsBasePackage() {
        classes()
                .that()
                .areAssignableTo(ModuleAccess.class)
                .and()
                .doNotHaveModifier(JavaModifier.ABSTRACT)
                .should()
                .haveSimpleNameEndingWith("Access")
                .andShould()
                .bePublic()
                .andShould(new com.tngtech.archunit.lang.ArchCondition<JavaClass>("be in a module's base package") {
                    @Override
                    public void check(JavaClass c, com.tngtech.archunit.lang.ConditionEvents events) {
                        boolean base = c.getPackageName().matches("org\\.safeguardinghub\\.[a-z0-9]+");
                        if (!base || c.getPackageName().endsWith(".platform")) {
                            events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                                    c, c.getName() + " is not in a module's base package"));
                        }
                    }
                })
                .check(MAIN);
        assertThat(MODULES).extracting(ModuleAccess::module).doesNotHaveDuplicates();
        assertThat(MODULES)
                .extracting(ModuleAccess::module)
                .contains("casereviews", "identity", "learning", "organisation", "performance", "section11", "tasks");
    }

    @Test
    void permissionsAreConstantsOfTheAccessClassOfTheModuleThatGrantsThem() {
        fields().that()
                .haveRawType(Permission.class)
                .and()
                .areStatic()
                .should()
                .beDeclaredInClassesThat()
                .areAssignableTo(ModuleAccess.class)
                .allowEmptyShould(false)
                .check(MAIN);
        noClasses()
                .that()
                .areNotAssignableTo(ModuleAccess.class)
                .and()
                .doNotBelongToAnyOf(Permission.class)
                .should()
                .callConstructor(Permission.class, String.class, String.class)
                .check(MAIN);

        Map<String, String> grantedBy = new HashMap<>();
        for (ModuleAccess module : MODULES) {
            List<Permission> own = constants(module.getClass());
            assertThat(module.grants().keySet())
                    .as("%s grants exactly the permissions it declares", module.module())
                    .containsExactlyInAnyOrderElementsOf(own);
            for (Permission p : own) {
                assertThat(grantedBy.put(p.authority(), module.module()))
                        .as("%s is declared by one module only", p)
                        .isNull();
            }
        }
        for (ModuleAccess module : MODULES) {
            module.routes()
                    .forEach(r -> assertThat(r.anyOf())
                            .allMatch(p -> grantedBy.containsKey(p.authority()), "declared by some module"));
        }
    }

    @Test
    void routesAndMenuEntriesStayUnderTheModulesOwnPrefixesWhichNeverOverlap() {
        for (ModuleAccess module : MODULES) {
            for (RouteRule rule : module.routes()) {
                for (String pattern : rule.patterns()) {
                    assertThat(ownedBy(module, pattern))
                            .as(
                                    "%s's rule for %s is under its own prefixes %s",
                                    module.module(), pattern, module.prefixes())
                            .isTrue();
                }
            }
            for (NavEntry entry : module.navigation()) {
                assertThat(ownedBy(module, entry.href()))
                        .as("%s's menu entry %s", module.module(), entry.href())
                        .isTrue();
            }
            for (ModuleAccess other : MODULES) {
                if (other == module) {
                    continue;
                }
                for (String prefix : module.prefixes()) {
                    assertThat(ownedBy(other, prefix))
                            .as("%s's prefix %s is also %s's", module.module(), prefix, other.module())
                            .isFalse();
                }
            }
        }
    }

    /** A controller answers only under its own module's prefixes (platform pages under nobody's). */
    @Test
    void controllersMapOnlyTheirModulesPaths() {
        List<String> wrong = new ArrayList<>();
        for (JavaClass type : MAIN) {
            if (!type.isAnnotatedWith(Controller.class) && !type.isMetaAnnotatedWith(Controller.class)) {
                continue;
            }
            Class<?> controller = type.reflect();
            String module = type.getPackageName().substring(ROOT.length() + 1).split("\\.")[0];
            ModuleAccess own = MODULES.stream()
                    .filter(m -> m.module().equals(module))
                    .findFirst()
                    .orElse(null);
            for (String path : mappedPaths(controller)) {
                String plain = path.replaceAll("\\{[^}]*}", "x");
                boolean fine =
                        own != null ? ownedBy(own, plain) : MODULES.stream().noneMatch(m -> ownedBy(m, plain));
                if (!fine) {
                    wrong.add(controller.getSimpleName() + " " + path);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theSharedSecurityConfigurationAndLayoutNameNoModulesPaths() throws IOException {
        Map<Path, String> files = Map.of(
                Path.of("src/main/java/org/safeguardinghub/identity/signin/SecurityConfiguration.java"), "identity",
                Path.of("src/main/java/org/safeguardinghub/platform/web/PageChrome.java"), "platform");
        List<String> found = new ArrayList<>();
        for (var file : files.entrySet()) {
            Matcher literal = Pattern.compile("\"(/[^\"]*)\"").matcher(Files.readString(file.getKey()));
            while (literal.find()) {
                String path = literal.group(1).replaceAll("[?#].*", "");
                MODULES.stream()
                        .filter(m -> !m.module().equals(file.getValue()) && ownedBy(m, path))
                        .forEach(m -> found.add(file.getKey().getFileName() + " names " + path + " of " + m.module()));
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void noRoleIsSpelledOutAsAStringOutsideIdentity() throws IOException {
        String names =
                String.join("|", Arrays.stream(Role.values()).map(Enum::name).toList());
        Pattern literal = Pattern.compile("[\"'](" + names + ")[\"']");
        List<String> found = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/org/safeguardinghub"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (source.startsWith("src/main/java/org/safeguardinghub/identity")) {
                    continue;
                }
                Matcher m = literal.matcher(Files.readString(source));
                while (m.find()) {
                    found.add(source + ": " + m.group());
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void everyRoleIsOneAudienceAndTheAdministratorHoldsEveryPermission() {
        assertThat(Arrays.stream(Role.values()).map(Role::audience)).containsExactlyInAnyOrder(Audience.values());
        for (Audience audience : Audience.values()) {
            assertThat(Role.of(audience).name()).isEqualTo(audience.roleName());
        }
        Set<Permission> all = Set.copyOf(
                MODULES.stream().flatMap(m -> m.grants().keySet().stream()).toList());
        assertThat(Role.PARTNERSHIP_ADMIN.permissions()).containsExactlyInAnyOrderElementsOf(all);
        for (ModuleAccess module : MODULES) {
            module.grants().forEach((permission, holders) -> {
                for (Role role : Role.values()) {
                    boolean holds = role == Role.PARTNERSHIP_ADMIN || holders.contains(role.audience());
                    assertThat(role.permissions().contains(permission))
                            .as("%s holds %s", role, permission)
                            .isEqualTo(holds);
                }
            });
        }
    }

    private static final Pattern AUTHORITY = Pattern.compile("'([a-z0-9-]+:[a-z0-9-]+)'");

    @Test
    void methodSecurityNamesOnlyPermissionsItsOwnModuleDeclaresOrUses() {
        Map<String, ModuleAccess> byModule = new HashMap<>();
        MODULES.forEach(m -> byModule.put(m.module(), m));
        List<String> checked = new ArrayList<>();
        for (JavaClass c : MAIN) {
            List<PreAuthorize> found = new ArrayList<>();
            found.addAll(c.tryGetAnnotationOfType(PreAuthorize.class).stream().toList());
            c.getMethods()
                    .forEach(m -> m.tryGetAnnotationOfType(PreAuthorize.class).ifPresent(found::add));
            if (found.isEmpty()) {
                continue;
            }
            String module = c.getPackageName().substring(ROOT.length() + 1).split("\\.")[0];
            ModuleAccess own = byModule.get(module);
            assertThat(own)
                    .as("%s uses method security, so its module declares permissions", c.getName())
                    .isNotNull();
            Set<String> usable = new java.util.HashSet<>();
            constants(own.getClass()).forEach(p -> usable.add(p.authority()));
            own.routes().forEach(r -> r.anyOf().forEach(p -> usable.add(p.authority())));
            for (PreAuthorize rule : found) {
                Matcher m = AUTHORITY.matcher(rule.value());
                while (m.find()) {
                    assertThat(usable)
                            .as(
                                    "%s: @PreAuthorize names %s, which %s neither declares nor requires on a route",
                                    c.getName(), m.group(1), module)
                            .contains(m.group(1));
                    checked.add(m.group(1));
                }
            }
        }
        assertThat(checked).as("the rule saw the facades' method security").isNotEmpty();
    }

    static boolean ownedBy(ModuleAccess module, String pattern) {
        return module.isOwnerOf(pattern);
    }

    private static List<Permission> constants(Class<?> type) {
        List<Permission> constants = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            if (field.getType() == Permission.class && Modifier.isStatic(field.getModifiers())) {
                try {
                    constants.add((Permission) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return constants;
    }

    private static List<String> mappedPaths(Class<?> controller) {
        RequestMapping base = AnnotatedElementUtils.findMergedAnnotation(controller, RequestMapping.class);
        String[] prefixes = base == null || base.path().length == 0 ? new String[] {""} : base.path();
        List<String> paths = new ArrayList<>();
        for (Method method : controller.getDeclaredMethods()) {
            RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
            if (mapping == null) {
                continue;
            }
            String[] own = mapping.path().length == 0 ? new String[] {""} : mapping.path();
            for (String prefix : prefixes) {
                for (String path : own) {
                    String joined = prefix + path;
                    paths.add(joined.isEmpty() ? "/" : joined);
                }
            }
        }
        return paths;
    }
}
