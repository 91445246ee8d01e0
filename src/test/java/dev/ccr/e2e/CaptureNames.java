package dev.ccr.e2e;

import java.util.List;

/** The recorded Claude Code requests that are POST /v1/messages. */
final class CaptureNames {
    static final List<String> MESSAGES = List.of(
            "01_plain_default_model.json", "02_model_alias_haiku.json", "03_model_alias_sonnet.json",
            "04_model_alias_opus.json", "05_model_claude-haiku-4-5.json", "06_model_claude-sonnet-4-5-20250929.json",
            "07_model_claude-3-5-haiku-20241022.json", "09_model_unknown_gpt-4o.json", "10_tool_bash_turn1.json",
            "11_tool_bash_turn2_tool_result.json", "13_read_240k_followup_partial_view.json",
            "14_prompt_300k_via_stdin.json", "15_thinking_MAX_THINKING_TOKENS_8000_sonnet45.json",
            "16_thinking_MAX_THINKING_TOKENS_0_sonnet45.json", "17_thinking_ultrathink_default_model.json",
            "18_effort_max.json", "19_toolsearch_tool_reference_result.json",
            "20_websearch_nested_server_tool_request.json", "21_subagent_request.json",
            "22_continue_second_turn_history.json", "23_interactive_title_generation.json",
            "24_interactive_main_request_with_safeguards.json", "25_retry_after_midstream_sse_error.json",
            "26_nonstreaming_fallback_after_drops.json", "27_nonstreaming_fallback_after_404.json",
            "28_retry_after_400_drops_beta.json", "31_v2.1.197_plain_default_model.json",
            "32_v2.1.197_title_generation_print_mode.json", "33_bearer_auth_headers.json");

    private CaptureNames() {
    }
}
