package dev.ccr.router;

import dev.ccr.request.RequestRecord;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.error.RouterException;
import dev.ccr.model.ExchangeKeys;
import dev.ccr.model.MessagesRequest;
import dev.ccr.router.classify.Categories;
import dev.ccr.router.classify.ClassificationFlow;
import dev.ccr.router.classify.ClassifierFixture;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The classification flow as the ingress route runs it: what it leaves on the exchange and in the request record. */
class RequestClassifierTest {
    private ClassificationFlow flow;

    @AfterEach
    void stopCamel() {
        if (flow != null) {
            flow.close();
        }
    }

    private ClassificationFlow classifier(Set<String> routes, Map<String, String> routing) {
        flow = ClassificationFlow.start(ClassifierFixture.ruleBeans(routing), routes, ClassificationFlow.FILE);
        return flow;
    }

    @Test
    void recordsCategoryAndReasonOnTheExchangeAndTheRecord() throws Exception {
        ClassificationFlow classifier = classifier(ClassifierFixture.ALL_CATEGORIES, Map.of());
        Exchange exchange = classifier.exchange(ClassifierFixture.capture("18_effort_max.json"));

        assertThat(exchange.getProperty(ExchangeKeys.CATEGORY)).isEqualTo(Categories.THINKING);
        assertThat(exchange.getProperty(ExchangeKeys.REASON)).isEqualTo("effort max");
        RequestRecord record = exchange.getProperty(ExchangeKeys.RECORD, RequestRecord.class);
        assertThat(record.category()).isEqualTo(Categories.THINKING);
        assertThat(record.reason()).isEqualTo("effort max");
        assertThat(exchange.getProperty(ExchangeKeys.TARGET_PROVIDER)).isNull();
    }

    @Test
    void categoryWithoutARouteFallsBackToDefaultAndSaysWhy() throws Exception {
        ClassificationFlow classifier = classifier(Set.of(Categories.DEFAULT, Categories.EXPLICIT), Map.of());
        Exchange exchange = classifier.exchange(ClassifierFixture.capture("18_effort_max.json"));

        assertThat(exchange.getProperty(ExchangeKeys.CATEGORY)).isEqualTo(Categories.DEFAULT);
        assertThat(exchange.getProperty(ExchangeKeys.REASON)).isEqualTo("effort max; no route for category thinking");
    }

    @Test
    void explicitTargetIsSetForTheExplicitRoute() throws Exception {
        ClassificationFlow classifier = classifier(ClassifierFixture.ALL_CATEGORIES, Map.of());
        Exchange exchange = classifier.exchange(ClassifierFixture.capture("08_model_router_style_provider_comma_model.json"));

        assertThat(exchange.getProperty(ExchangeKeys.CATEGORY)).isEqualTo(Categories.EXPLICIT);
        assertThat(exchange.getProperty(ExchangeKeys.TARGET_PROVIDER)).isEqualTo("openrouter");
        assertThat(exchange.getProperty(ExchangeKeys.TARGET_MODEL)).isEqualTo("anthropic/claude-sonnet-4");
    }

    @Test
    void modelMapFromTheFactorysPropertiesPinsTheTarget() throws Exception {
        ClassificationFlow classifier = classifier(ClassifierFixture.ALL_CATEGORIES,
                Map.of("ccr.routing.model-map.claude-haiku-4.5", "deepseek,deepseek-chat"));
        Exchange exchange = classifier.exchange(ClassifierFixture.capture("05_model_claude-haiku-4-5.json"));

        assertThat(exchange.getProperty(ExchangeKeys.CATEGORY)).isEqualTo(Categories.EXPLICIT);
        assertThat(exchange.getProperty(ExchangeKeys.TARGET_PROVIDER)).isEqualTo("deepseek");
        assertThat(exchange.getProperty(ExchangeKeys.TARGET_MODEL)).isEqualTo("deepseek-chat");
    }

    @Test
    void subagentTagIsRemovedFromTheRequestTheProvidersGet() throws Exception {
        ClassificationFlow classifier = classifier(ClassifierFixture.ALL_CATEGORIES, Map.of());
        ObjectNode body = ClassifierFixture.capture("21_subagent_request.json").copyOfBody();
        ObjectNode prompt = (ObjectNode) body.withArray("system").get(2);
        prompt.put("text", "<CCR-SUBAGENT-MODEL>deepseek,deepseek-reasoner</CCR-SUBAGENT-MODEL>\n"
                + prompt.get("text").asText());
        Exchange exchange = classifier.exchange(ClassifierFixture.request(body));

        MessagesRequest upstream = exchange.getProperty(ExchangeKeys.REQUEST, MessagesRequest.class);
        assertThat(upstream.system().get(2).get("text").asText()).doesNotContain("CCR-SUBAGENT-MODEL");
        assertThat(exchange.getProperty(ExchangeKeys.TARGET_MODEL)).isEqualTo("deepseek-reasoner");
        assertThat(exchange.getProperty(ExchangeKeys.REASON))
                .isEqualTo("subagent tag names 'deepseek,deepseek-reasoner'");
    }

    @Test
    void unknownProviderIsA404NamingIt() throws Exception {
        ClassificationFlow classifier = classifier(ClassifierFixture.ALL_CATEGORIES, Map.of());
        ObjectNode body = ClassifierFixture.capture("08_model_router_style_provider_comma_model.json").copyOfBody();
        body.put("model", "nowhere,some-model");

        assertThatThrownBy(() -> classifier.classify(ClassifierFixture.request(body)))
                .isInstanceOf(RouterException.class)
                .hasMessageContaining("Unknown provider 'nowhere'")
                .hasMessageContaining("anthropic, ")
                .satisfies(e -> assertThat(((RouterException) e).status()).isEqualTo(404));
    }

    @Test
    void modelTheProviderDoesNotListIsA400() throws Exception {
        ClassificationFlow classifier = classifier(ClassifierFixture.ALL_CATEGORIES, Map.of());
        ObjectNode body = ClassifierFixture.capture("08_model_router_style_provider_comma_model.json").copyOfBody();
        body.put("model", "openrouter,gpt-4o");

        assertThatThrownBy(() -> classifier.classify(ClassifierFixture.request(body)))
                .isInstanceOf(RouterException.class)
                .hasMessageContaining("does not serve model 'gpt-4o'")
                .satisfies(e -> assertThat(((RouterException) e).status()).isEqualTo(400));
    }
}
