package com.aftercare.workflow;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The DMN engine's FEEL, answering the trivial cells of a decision table itself (issue 17, ADR 0062). The level
 * decision of every fault report evaluates two input expressions that name a variable ({@code impact}), eighteen
 * input entries that are a string literal ({@code "HIGH"}) and an output entry that is one ({@code "1"}). The Scala
 * FEEL engine parses each cell and builds its root context with all built-in functions on every evaluation: about a
 * sixth of a report's CPU in the profile. These three forms have one meaning whatever the engine:
 * <ul>
 * <li>a unary test that is a string literal without escapes, on a string input: the input equals the literal;</li>
 * <li>the unary test {@code -}: any input;</li>
 * <li>a simple expression that is such a literal: that string; a plain name (not a FEEL keyword) of a string
 *     variable: its value.</li>
 * </ul>
 * Anything else, including a literal tested against a non-string input (FEEL compares types its own way) and names
 * the context does not hold, goes to the Scala engine unchanged, so a process owner's table keeps FEEL's full meaning.
 */
final class LiteralFirstFeel implements FeelEngine {

    private static final Pattern STRING_LITERAL = Pattern.compile("\\s*\"([^\"\\\\]*)\"\\s*");
    private static final Pattern NAME = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*");
    /** Words that are FEEL syntax or literals, never a variable's name in a simple expression. */
    private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "not", "if", "then", "else", "for", "in",
            "return", "some", "every", "satisfies", "and", "or", "between", "instance", "of", "function", "external");

    private final FeelEngine feel;

    LiteralFirstFeel(FeelEngine feel) {
        this.feel = feel;
    }

    @Override
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
        Matcher literal = STRING_LITERAL.matcher(expression);
        if (literal.matches()) {
            @SuppressWarnings("unchecked")
            T value = (T) literal.group(1);
            return value;
        }
        Matcher name = NAME.matcher(expression);
        if (name.matches() && !KEYWORDS.contains(name.group(1)) && variableContext.containsVariable(name.group(1))) {
            TypedValue typed = variableContext.resolve(name.group(1));
            if (typed != null && typed.getValue() instanceof String s) {
                @SuppressWarnings("unchecked")
                T value = (T) s;
                return value;
            }
        }
        return feel.evaluateSimpleExpression(expression, variableContext);
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
        if (expression.strip().equals("-")) {
            return true;
        }
        Matcher literal = STRING_LITERAL.matcher(expression);
        if (literal.matches()) {
            TypedValue input = variableContext.resolve(inputVariable);
            if (input != null && input.getValue() instanceof String s) {
                return s.equals(literal.group(1));
            }
        }
        return feel.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
    }
}
