package dev.ccr.importer;

import java.util.regex.Pattern;

/**
 * The characters names may have. Provider names become property keys and model ids go into route URIs, so both are
 * held to a strict set (as the router's own validation of client model names).
 */
final class ImportNames {
    private static final Pattern PROVIDER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,199}");

    private ImportNames() {
    }

    static String provider(String field, String name) {
        if (name == null || !PROVIDER.matcher(name).matches()) {
            throw new ImportException(field, "'" + name + "' is not a usable provider name (letters, digits, '-', '_')");
        }
        return name;
    }

    static String model(String field, String model) {
        if (model == null || !MODEL.matcher(model).matches() || model.contains("..")) {
            throw new ImportException(field, "'" + model + "' is not a usable model id (letters, digits and . _ - : / @ +)");
        }
        return model;
    }
}
