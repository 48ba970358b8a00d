package dev.aidossier.render;

import org.junit.jupiter.api.Test;

import static dev.aidossier.render.RenderFixtures.AFTER;
import static dev.aidossier.render.RenderFixtures.render;
import static dev.aidossier.render.RenderFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

/** Instructions for use for deployers, Art. 13(3)(a)-(f). */
class InstructionsTest {

    @Test
    void everyPointOfArticle13_3InOrderWithItsContent() throws RenderException {
        byte[] pdf = render(DocumentKind.INSTRUCTIONS, "complete.yaml", AFTER);
        String t = text(pdf);
        int at = t.indexOf("(a) The provider Art. 13(3)(a)");
        assertThat(at).isPositive();
        for (String h : new String[]{"(b) Characteristics, capabilities and limitations of performance", "(i) Intended purpose",
                "(ii) Accuracy, robustness and cybersecurity", "(iii) Circumstances that may lead to risks", "(iv) Explaining the output",
                "(v) Performance for specific persons or groups", "(vi) Input data and the data sets used", "(vii) Interpreting the output",
                "(c) Pre-determined changes", "(d) Human oversight", "(e) Computational and hardware resources, lifetime and maintenance",
                "(f) Logs: how to collect, store and interpret them"}) {
            int i = t.indexOf(h, at);
            assertThat(i).as(h).isGreaterThan(at);
            at = i;
        }
        assertThat(t).contains("compliance@credilens.example", "Assesses the creditworthiness", "applicants aged 18-25",
                "Automation bias of credit officers", "TreeSHAP", "Band A is the lowest risk", "Officer decision required for every application",
                "Five years from 2026", "Quarterly model review", "score request, score returned, officer override");
        assertThat(RenderFixtures.outline(pdf)).contains("(a) The provider", "(f) Logs: how to collect, store and interpret them");
    }

    @Test
    void whatTheDescriptionLacksIsSaid() throws RenderException {
        String t = text(render(DocumentKind.INSTRUCTIONS, "incomplete.yaml", AFTER));
        assertThat(t).contains("No human oversight measures are stated in the description.", "Not stated in the description.");
    }
}
