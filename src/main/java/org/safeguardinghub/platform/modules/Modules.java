package org.safeguardinghub.platform.modules;

import java.lang.reflect.InvocationTargetException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Every module's {@link ModuleAccess}, found once on the class path under {@code org.safeguardinghub} (not as beans:
 * roles need their grants wherever a signed-in person exists, in every application context alike). Sorted by module
 * name, though no answer depends on the order.
 */
public final class Modules {

    private static final String ROOT = "org.safeguardinghub";

    private Modules() {}

    public static List<ModuleAccess> access() {
        return Holder.ALL;
    }

    private static final class Holder {
        static final List<ModuleAccess> ALL = scan();
    }

    private static List<ModuleAccess> scan() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(ModuleAccess.class));
        return scanner.findCandidateComponents(ROOT).stream()
                .map(BeanDefinition::getBeanClassName)
                .filter(Objects::nonNull)
                .map(Modules::instantiate)
                .sorted(Comparator.comparing(ModuleAccess::module))
                .toList();
    }

    private static ModuleAccess instantiate(String className) {
        try {
            Class<?> type = ClassUtils.forName(className, Modules.class.getClassLoader());
            return (ModuleAccess) type.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException
                | NoSuchMethodException
                | InstantiationException
                | IllegalAccessException
                | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read the access declaration " + className, e);
        }
    }
}
