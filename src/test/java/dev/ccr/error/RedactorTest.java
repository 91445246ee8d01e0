package dev.ccr.error;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the redactor masks of registered secrets, and what ordinary text it leaves alone. */
class RedactorTest {

    @Test
    void aShortSecretIsMaskedAsAWholeTokenInEveryEncoding() {
        Redactor.register("zq7k");

        assertThat(Redactor.redact("key zq7k.")).isEqualTo("key [redacted].");
        assertThat(Redactor.redact("key=\"zq7k\"")).isEqualTo("key=\"[redacted]\"");
        assertThat(Redactor.redact("key=%7A%71%37%6B&x")).isEqualTo("key=[redacted]&x");
        assertThat(Redactor.redact("key=%7a%71%37%6b")).isEqualTo("key=[redacted]");
        assertThat(Redactor.redact("key=z%71%37k")).isEqualTo("key=[redacted]");
        assertThat(Redactor.redact("{\"k\":\"\\u007Aq7k\"}")).isEqualTo("{\"k\":\"[redacted]\"}");
        assertThat(Redactor.redact("{\"k\":\"\\u007aq7k\"}")).isEqualTo("{\"k\":\"[redacted]\"}");
    }

    @Test
    void ordinaryTextContainingAShortSecretStaysIntact() {
        // words no other test uses: registered secrets stay registered for the whole test JVM
        Redactor.register("quokka");
        Redactor.register("wombat");

        String text = "Provider 'wombat-backup' answered 400: model claude-quokka-4 (quokka4, quokkas, my_quokka) "
                + "is not available; see https://docs.wombat.com/quokka-models";

        assertThat(Redactor.redact(text)).isEqualTo(text);
        assertThat(Redactor.redact("the key was quokka")).isEqualTo("the key was [redacted]");
    }

    @Test
    void aLongSecretIsMaskedEvenInsideOtherText() {
        Redactor.register("long-secret-value-0042");

        assertThat(Redactor.redact("xlong-secret-value-0042y")).isEqualTo("x[redacted]y");
        assertThat(Redactor.redact("long%2Dsecret%2dvalue-0042")).isEqualTo("[redacted]");
        assertThat(Redactor.redact("long+secret")).isEqualTo("long+secret");
    }

    @Test
    void aSecretWithCharactersThatNeedEscapingIsFoundInItsEscapedForms() {
        Redactor.register("a/b \"c\"\\d=e+f");

        assertThat(Redactor.redact("k: a/b \"c\"\\d=e+f.")).isEqualTo("k: [redacted].");
        assertThat(Redactor.redact("k: a\\/b \\\"c\\\"\\\\d=e+f.")).isEqualTo("k: [redacted].");
        assertThat(Redactor.redact("k=a%2Fb+%22c%22%5Cd%3De%2Bf&")).isEqualTo("k=[redacted]&");
        assertThat(Redactor.redact("k=a%2fb%20%22c%22%5cd%3de%2bf&")).isEqualTo("k=[redacted]&");
    }

    @Test
    void aSecretInsideALongerOneDoesNotLeaveHalfOfTheLongerOne() {
        Redactor.register("inner-9f2a");
        Redactor.register("outer-inner-9f2a-tail-77");

        assertThat(Redactor.redact("outer-inner-9f2a-tail-77")).isEqualTo("[redacted]");
    }

    @Test
    void anUpstreamExcerptIsRedactedBeforeItIsCut() {
        Redactor.register("cut-across-secret-0099");
        String text = "x".repeat(UpstreamExcerpt.MAX_CHARS - 5) + " cut-across-secret-0099 " + "y".repeat(1000);

        String excerpt = UpstreamExcerpt.of(text);

        assertThat(excerpt).doesNotContain("cut-a").hasSizeLessThanOrEqualTo(UpstreamExcerpt.MAX_CHARS + 1)
                .endsWith("…");
        assertThat(UpstreamExcerpt.of("  two\n\nlines  ")).isEqualTo("two lines");
    }
}
