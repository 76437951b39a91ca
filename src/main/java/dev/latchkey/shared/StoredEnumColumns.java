package dev.latchkey.shared;

import java.util.List;
import java.util.Set;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;

/**
 * Lets Spring Data JDBC read and write a {@link StoredEnum} column (entity properties and repository query arguments)
 * by its {@link StoredEnum#dbValue()}, the same on H2 and PostgreSQL. A module declares one bean of this type per such
 * enum; {@code JdbcConfiguration} registers them all. An unknown stored value reads as {@code null}.
 */
public final class StoredEnumColumns {

    private final List<GenericConverter> converters;

    private <E extends Enum<E> & StoredEnum> StoredEnumColumns(Class<E> type) {
        this.converters = List.of(new Reading<>(type), new Writing(type));
    }

    public static <E extends Enum<E> & StoredEnum> StoredEnumColumns of(Class<E> type) {
        return new StoredEnumColumns(type);
    }

    List<GenericConverter> converters() {
        return converters;
    }

    @ReadingConverter
    private record Reading<E extends Enum<E> & StoredEnum>(Class<E> type) implements GenericConverter {

        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(new ConvertiblePair(String.class, type));
        }

        @Override
        public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            return source == null
                    ? null
                    : StoredEnum.fromDb(type, (String) source).orElse(null);
        }
    }

    @WritingConverter
    private record Writing(Class<?> type) implements GenericConverter {

        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(new ConvertiblePair(type, String.class));
        }

        @Override
        public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            return source == null ? null : ((StoredEnum) source).dbValue();
        }
    }
}
