package dev.latchkey.shared;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.data.relational.RelationalManagedTypes;
import org.springframework.data.relational.core.mapping.NamingStrategy;

/**
 * Spring Data JDBC without forced quoting, so that one schema and one set of queries work on H2 (run with
 * {@code DATABASE_TO_LOWER=TRUE}) and on PostgreSQL: both fold unquoted names to lower case. Enum columns are read and
 * written by their stored strings ({@link StoredEnumColumns}).
 */
@Configuration(proxyBeanMethods = false)
class JdbcConfiguration extends AbstractJdbcConfiguration {

    private final ObjectProvider<StoredEnumColumns> storedEnums;

    JdbcConfiguration(ObjectProvider<StoredEnumColumns> storedEnums) {
        this.storedEnums = storedEnums;
    }

    @Override
    protected List<?> userConverters() {
        return storedEnums
                .orderedStream()
                .flatMap(columns -> columns.converters().stream())
                .toList();
    }

    @Override
    protected Collection<String> getMappingBasePackages() {
        return List.of("dev.latchkey");
    }

    @Override
    public JdbcMappingContext jdbcMappingContext(
            Optional<NamingStrategy> namingStrategy,
            JdbcCustomConversions customConversions,
            RelationalManagedTypes jdbcManagedTypes) {
        JdbcMappingContext context = super.jdbcMappingContext(namingStrategy, customConversions, jdbcManagedTypes);
        context.setForceQuote(false);
        return context;
    }
}
