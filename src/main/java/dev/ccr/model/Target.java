package dev.ccr.model;

/**
 * Where one attempt of a request goes: a provider and the model it is asked for.
 *
 * @param provider the provider's configured name
 * @param model    the model to ask for; null keeps the model the client asked for
 */
public record Target(String provider, String model) {

    public String modelFor(MessagesRequest request) {
        return model == null || model.isBlank() ? request.model() : model;
    }

    @Override
    public String toString() {
        return model == null ? provider : provider + "," + model;
    }
}
