package com.aftercare.secrets;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.springframework.stereotype.Component;

/**
 * Put on an entity's secret columns ({@code @Convert(converter = SecretConverter.class)}): the
 * entity holds the plain value, the column the {@link SecretBox} ciphertext. Spring Boot lets
 * Hibernate take converters from the application context, so the key comes from configuration.
 * Rows written before encryption are read as they are and encrypted by {@link EncryptStoredSecrets}.
 */
@Component
@Converter
public class SecretConverter implements AttributeConverter<String, String> {

    private final SecretBox box;

    public SecretConverter(SecretBox box) {
        this.box = box;
    }

    @Override
    public String convertToDatabaseColumn(String plain) {
        return box.encrypt(plain);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return box.decrypt(stored);
    }
}
