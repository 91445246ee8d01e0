package dev.ccr.router.classify;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request the real Claude Code CLI sent (src/test/resources/captures), classified with the default settings
 * and a routing table that serves every category.
 */
class CapturedRequestClassificationTest {
    private final ClassificationFlow rules = ClassifierFixture.defaultRules();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            01_plain_default_model.json                       | default     | no rule matched
            02_model_alias_haiku.json                         | background  | model name contains 'haiku'
            03_model_alias_sonnet.json                        | default     | no rule matched
            04_model_alias_opus.json                          | default     | no rule matched
            05_model_claude-haiku-4-5.json                    | background  | model name contains 'haiku'
            06_model_claude-sonnet-4-5-20250929.json          | default     | no rule matched
            07_model_claude-3-5-haiku-20241022.json           | background  | model name contains 'haiku'
            08_model_router_style_provider_comma_model.json   | explicit    | model names provider 'openrouter'
            09_model_unknown_gpt-4o.json                      | default     | no rule matched
            10_tool_bash_turn1.json                           | default     | no rule matched
            11_tool_bash_turn2_tool_result.json               | default     | no rule matched
            13_read_240k_followup_partial_view.json           | default     | no rule matched
            14_prompt_300k_via_stdin.json                     | longcontext | input tokens > 60000
            15_thinking_MAX_THINKING_TOKENS_8000_sonnet45.json | default    | no rule matched
            16_thinking_MAX_THINKING_TOKENS_0_sonnet45.json   | default     | no rule matched
            17_thinking_ultrathink_default_model.json         | default     | no rule matched
            18_effort_max.json                                | thinking    | effort max
            19_toolsearch_tool_reference_result.json          | default     | no rule matched
            20_websearch_nested_server_tool_request.json      | search      | server tool web_search_20250305
            21_subagent_request.json                          | subagent    | billing line marks a subagent request
            22_continue_second_turn_history.json              | default     | no rule matched
            23_interactive_title_generation.json              | background  | json_schema output without tools (title request)
            24_interactive_main_request_with_safeguards.json  | default     | no rule matched
            25_retry_after_midstream_sse_error.json           | default     | no rule matched
            26_nonstreaming_fallback_after_drops.json         | default     | no rule matched
            27_nonstreaming_fallback_after_404.json           | default     | no rule matched
            28_retry_after_400_drops_beta.json                | default     | no rule matched
            31_v2.1.197_plain_default_model.json              | default     | no rule matched
            32_v2.1.197_title_generation_print_mode.json      | background  | json_schema output without tools (title request)
            33_bearer_auth_headers.json                       | default     | no rule matched
            """)
    void classifiesRecordedRequest(String capture, String category, String reason) {
        Decision decision = rules.classify(ClassifierFixture.capture(capture));

        assertThat(decision.category()).isEqualTo(category);
        assertThat(decision.reason()).contains(reason);
    }
}
