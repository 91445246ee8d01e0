package dev.ccr.admin;

import dev.ccr.model.Target;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ModelMapOverridesTest {
    static final Target HAIKU = new Target("secondary", "claude-haiku-4.5");
    static final Target SONNET = new Target("primary", "claude-sonnet-4-5");

    @Test
    void findsAnExactName() {
        ModelMapOverrides map = new ModelMapOverrides();
        map.replaceAll(Map.of("claude-haiku-4-5", HAIKU));

        assertThat(map.lookup("claude-haiku-4-5")).contains(HAIKU);
        assertThat(map.lookup("claude-opus-4-1")).isEmpty();
        assertThat(map.lookup(null)).isEmpty();
    }

    @Test
    void findsTheSpellingsClaudeCodeUses() {
        ModelMapOverrides map = new ModelMapOverrides();
        map.replaceAll(Map.of("claude-haiku-4-5", HAIKU));

        assertThat(map.lookup("claude-haiku-4-5-20251001")).contains(HAIKU);
        assertThat(map.lookup("Claude-Haiku-4.5")).contains(HAIKU);
        assertThat(map.lookup("claude-haiku-4.5-20251001")).contains(HAIKU);
        assertThat(map.lookup("claude-haiku-4-5@20251001")).contains(HAIKU);
        assertThat(map.lookup("claude-haiku-4")).isEmpty();
        assertThat(map.lookup("claude-haiku-4-5-1")).isEmpty();
    }

    @Test
    void aDatedEntryMatchesTheUndatedName() {
        ModelMapOverrides map = new ModelMapOverrides();
        map.replaceAll(Map.of("claude-sonnet-4-5-20250929", SONNET));

        assertThat(map.lookup("claude-sonnet-4-5")).contains(SONNET);
    }

    @Test
    void anExactMatchWinsOverANormalisedOne() {
        ModelMapOverrides map = new ModelMapOverrides();
        map.replaceAll(Map.of("claude-haiku-4-5", HAIKU, "claude-haiku-4.5", SONNET));

        assertThat(map.lookup("claude-haiku-4.5")).contains(SONNET);
        assertThat(map.lookup("claude-haiku-4-5")).contains(HAIKU);
    }

    @Test
    void replacingDropsEntriesNoLongerThere() {
        ModelMapOverrides map = new ModelMapOverrides();
        map.replaceAll(Map.of("claude-haiku-4-5", HAIKU));
        map.replaceAll(Map.of("claude-sonnet-4-5", SONNET));

        assertThat(map.lookup("claude-haiku-4-5")).isEmpty();
        assertThat(map.entries()).containsOnlyKeys("claude-sonnet-4-5");
    }
}
