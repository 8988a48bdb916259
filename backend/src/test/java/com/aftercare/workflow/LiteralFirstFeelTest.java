package com.aftercare.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/**
 * The short cut for trivial decision-table cells (ADR 0062) answers exactly as the Scala FEEL engine it stands in
 * front of, and leaves every other cell to it.
 */
class LiteralFirstFeelTest {

    private final FeelEngine scala = new ScalaFeelEngineFactory().createInstance();
    private final List<String> delegated = new ArrayList<>();
    private final LiteralFirstFeel feel = new LiteralFirstFeel(new FeelEngine() {
        @Override
        public <T> T evaluateSimpleExpression(String expression, VariableContext context) {
            delegated.add(expression);
            return scala.evaluateSimpleExpression(expression, context);
        }

        @Override
        public boolean evaluateSimpleUnaryTests(String expression, String input, VariableContext context) {
            delegated.add(expression);
            return scala.evaluateSimpleUnaryTests(expression, input, context);
        }
    });

    private static VariableContext input(Object value) {
        return Variables.createVariables().putValue("cellInput", value).putValue("impact", "HIGH").putValue("count", 3)
                .asVariableContext();
    }

    @Test
    void aStringLiteralTestsAStringInputAsFeelDoesWithoutParsing() {
        for (String value : List.of("HIGH", "MEDIUM", "high", "", " HIGH")) {
            for (String cell : List.of("\"HIGH\"", " \"HIGH\" ", "\"\"", "-")) {
                assertThat(feel.evaluateSimpleUnaryTests(cell, "cellInput", input(value)))
                        .as("%s on %s", cell, value)
                        .isEqualTo(scala.evaluateSimpleUnaryTests(cell, "cellInput", input(value)));
            }
        }
        assertThat(delegated).isEmpty();
    }

    @Test
    void otherCellsAndOtherInputsGoToFeel() {
        assertThat(feel.evaluateSimpleUnaryTests("\"HIGH\",\"MEDIUM\"", "cellInput", input("MEDIUM"))).isTrue();
        assertThat(feel.evaluateSimpleUnaryTests("not(\"HIGH\")", "cellInput", input("HIGH"))).isFalse();
        assertThat(feel.evaluateSimpleUnaryTests("\"a\\\"b\"", "cellInput", input("a\"b"))).isTrue();
        assertThat(feel.evaluateSimpleUnaryTests("> 2", "cellInput", input(3))).isTrue();
        try {
            feel.evaluateSimpleUnaryTests("\"3\"", "cellInput", input(3)); // a number against a string: FEEL's call
        } catch (RuntimeException feelsOwnAnswer) {
            // whatever FEEL says about comparing types, it is FEEL that says it
        }
        assertThat(delegated).containsExactly("\"HIGH\",\"MEDIUM\"", "not(\"HIGH\")", "\"a\\\"b\"", "> 2", "\"3\"");
    }

    @Test
    void literalsAndStringVariablesAreTheirValuesAndTheRestIsFeel() {
        assertThat((Object) feel.evaluateSimpleExpression("\"1\"", input(null))).isEqualTo(scala.evaluateSimpleExpression("\"1\"", input(null)));
        assertThat((Object) feel.evaluateSimpleExpression("impact", input(null))).isEqualTo("HIGH");
        assertThat(delegated).isEmpty();
        assertThat((Object) feel.evaluateSimpleExpression("count", input(null))).isEqualTo(scala.evaluateSimpleExpression("count", input(null)));
        assertThat((Object) feel.evaluateSimpleExpression("true", input(null))).isEqualTo(true);
        assertThat((Object) feel.evaluateSimpleExpression("upper case(impact)", input(null))).isEqualTo("HIGH");
        assertThat(delegated).containsExactly("count", "true", "upper case(impact)");
    }
}
