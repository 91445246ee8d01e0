package dev.ccr.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.provider.ProviderSettings;
import dev.ccr.router.ProviderStatus;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A provider setting the control panel may change at run time: how it is read, its configured value, its effect. */
enum ProviderField {
    PRIORITY {
        @Override
        Object parse(JsonNode value) {
            return positive(value);
        }

        @Override
        Object configured(ProviderSettings settings) {
            return settings.priority();
        }

        @Override
        void apply(ProviderStatus status, Object value) {
            status.setPriority((Integer) value);
        }
    },
    WEIGHT {
        @Override
        Object parse(JsonNode value) {
            return positive(value);
        }

        @Override
        Object configured(ProviderSettings settings) {
            return settings.weight();
        }

        @Override
        void apply(ProviderStatus status, Object value) {
            status.setWeight((Integer) value);
        }
    },
    ENABLED {
        @Override
        Object parse(JsonNode value) {
            if (!value.isBoolean()) {
                throw new IllegalArgumentException("must be true or false");
            }
            return value.booleanValue();
        }

        @Override
        Object configured(ProviderSettings settings) {
            return true;
        }

        @Override
        void apply(ProviderStatus status, Object value) {
            boolean enabled = (Boolean) value;
            status.setEnabled(enabled);
            if (enabled) {
                // an operator putting a provider back expects it to take calls now, not after a retry-after pause
                status.resume();
            }
        }
    };

    static final String NAMES = "priority, weight or enabled";

    /** The value a patch gives, or IllegalArgumentException saying what is wrong with it. */
    abstract Object parse(JsonNode value);

    /** The value from the configuration file (or the built-in default). */
    abstract Object configured(ProviderSettings settings);

    /** Makes the value take effect for the next request. */
    abstract void apply(ProviderStatus status, Object value);

    String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ProviderField> byJsonName(String name) {
        return Arrays.stream(values()).filter(f -> f.jsonName().equals(name)).findFirst();
    }

    private static int positive(JsonNode value) {
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
            throw new IllegalArgumentException("must be a whole number of 1 or more");
        }
        return value.intValue();
    }
}
