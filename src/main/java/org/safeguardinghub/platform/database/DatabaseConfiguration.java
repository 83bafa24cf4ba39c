package org.safeguardinghub.platform.database;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /** Wraps the application's pool (not Flyway's owner connection) so every connection carries the user's scope. */
    @Bean
    static BeanPostProcessor scopedDataSourcePostProcessor() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if ("dataSource".equals(beanName)
                        && bean instanceof DataSource ds
                        && !(bean instanceof ScopedDataSource)) {
                    return new ScopedDataSource(ds);
                }
                return bean;
            }
        };
    }
}
