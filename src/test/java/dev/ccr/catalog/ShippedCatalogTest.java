package dev.ccr.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped catalog finds a model however its provider spells the id. */
class ShippedCatalogTest {
    private final ShippedCatalog catalog = ShippedCatalog.load();

    @Test
    void theFileIsDated() {
        assertThat(catalog.asOf()).matches("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void releaseDatesVendorPrefixesAndVersionDotsFindTheirEntry() {
        assertThat(catalog.find("gpt-4o-2024-08-06").maxOutputTokens()).isEqualTo(16384);
        assertThat(catalog.find("openai/gpt-4.1").reasoning()).isFalse();
        assertThat(catalog.find("claude-sonnet-4-5-20250929").contextWindow()).isEqualTo(200000);
        assertThat(catalog.find("claude-sonnet-4.5").maxOutputTokens()).isEqualTo(64000);
        assertThat(catalog.find("gemini-2.5-flash-lite").inputPrice()).isEqualTo(0.1);
    }

    @Test
    void theLongestKeyWinsSoAVariantIsNotTakenForItsFamily() {
        assertThat(catalog.find("gpt-4o-mini").inputPrice()).isEqualTo(0.15);
        assertThat(catalog.find("gpt-5-chat-latest").reasoning()).isFalse();
        assertThat(catalog.find("gpt-5-2025-08-07").reasoning()).isTrue();
    }

    @Test
    void aModelItDoesNotKnowIsUnknownNotGuessed() {
        assertThat(catalog.find("gpt-4").isEmpty()).isTrue();
        assertThat(catalog.find("o3x").isEmpty()).isTrue();
    }
}
