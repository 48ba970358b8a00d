package dev.aidossier.rules;

import dev.aidossier.model.Doc;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Map;

/**
 * {@code rules/<pack>/i18n/<lang>.yaml}: a pack's rule texts in one language, by rule id. What a rule lacks here
 * the documents show in English, marked as the English original. Checked against the pack when it loads
 * ({@link RuleTranslations}): every rule id must be one of the pack's, every message and remediation must have the
 * placeholders of the English one.
 */
public record RuleTextsFile(
        @NotNull @Pattern(regexp = "dossier/rules/v1", message = "must be dossier/rules/v1") String apiVersion,
        @NotNull @Pattern(regexp = "RuleTexts", message = "must be RuleTexts") String kind,
        @Doc("The language, as templates/i18n/index.yaml names it (de, fr, ...).") @NotNull @Pattern(regexp = "[a-z]{2}", message = "must be a two-letter language code") String language,
        @Doc("Rule id to its texts.") @NotEmpty Map<String, @Valid RuleText> rules,
        @Doc("The pack's own titles of its units (passport.titles in pack.yaml: an article's or annex's official title), by key, in the language.")
        Map<String, @Size(min = 1, max = 200) String> titles) {

    /** The translated texts of one rule; each is optional. */
    public record RuleText(
            @Doc("The rule's title in the language.") @Size(min = 1, max = 200) String title,
            @Doc("The rule's message in the language, with exactly the placeholders of the English one ({path}, {problem}, {value}).") @Size(min = 1) String message,
            @Doc("The rule's remediation in the language, with exactly the placeholders of the English one (none).") @Size(min = 1) String remediation) {
    }
}
