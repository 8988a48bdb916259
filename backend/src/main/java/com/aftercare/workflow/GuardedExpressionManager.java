package com.aftercare.workflow;

import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.ReadOnlyMapELResolver;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;

/**
 * The engine's expression language with the doors closed. Camunda's default resolves any Spring
 * bean and lets an expression call any public method on anything it can reach
 * ({@code ${execution.processEngine…}}, {@code ${''['class']…}}), which is all a model needs to
 * run code in the server. Here an expression sees:
 * <ul>
 * <li>process variables, and the allow-listed delegates and listeners by name only (a bean is
 *     something a step calls, never something an expression takes apart);</li>
 * <li>a few harmless members of {@code execution} and {@code task} (business key, ids, variables,
 *     assignee…), none of the engine behind them;</li>
 * <li>members of plain values (strings, numbers, dates, collections, maps), never {@code class}
 *     or anything else.</li>
 * </ul>
 * Collections, maps and arrays are read-only. The deployment guard checks models for the same
 * before they are deployed; this holds at run time whatever the model.
 */
public final class GuardedExpressionManager extends JuelExpressionManager {

    /** What an expression may use of the execution or task it runs in (lower case, without get/is). */
    public static final Set<String> SCOPE_MEMBERS = Set.of("processbusinesskey", "businesskey", "processinstanceid", "id",
            "currentactivityid", "currentactivityname", "activityinstanceid", "eventname", "processdefinitionid",
            "tenantid", "variable", "variablelocal", "variabletyped", "hasvariable", "hasvariablelocal", "setvariable",
            "setvariablelocal", "variables", "variableslocal", "variablenames", "assignee", "name", "taskdefinitionkey",
            "owner", "priority", "duedate", "followupdate", "description", "execution");

    /** "getProcessBusinessKey" and "processBusinessKey" both become "processbusinesskey". */
    public static String plainMember(String member) {
        return member.replaceFirst("^(get|is)(?=[A-Z])", "").toLowerCase(Locale.ROOT);
    }

    GuardedExpressionManager(Map<Object, Object> beans) {
        super(beans);
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new VariableScopeElResolver());
        resolver.add(new VariableContextElResolver());
        resolver.add(new ReadOnlyMapELResolver(beans));
        resolver.add(new ArrayELResolver(true));
        resolver.add(new ListELResolver(true));
        resolver.add(new MapELResolver(true));
        resolver.add(new GuardedBeanResolver(beans));
        return resolver;
    }

    /** Java-bean property and method access, refused for everything but plain values and a few scope members. */
    static final class GuardedBeanResolver extends BeanELResolver {

        private final Map<Object, Object> beans;

        GuardedBeanResolver(Map<Object, Object> beans) {
            super(false);
            this.beans = beans;
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            check(base, property);
            return super.getValue(context, base, property);
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            check(base, property);
            return super.getType(context, base, property);
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            if (base != null) {
                throw refused(base, property, "expressions may not change objects");
            }
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            return true;
        }

        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
            check(base, method);
            return super.invoke(context, base, method, paramTypes, params);
        }

        private void check(Object base, Object member) {
            if (base == null) {
                return;
            }
            String plain = plainMember(String.valueOf(member));
            if (plain.contains("class") || plain.contains("engine")) {
                throw refused(base, member, "no classes and no engine internals");
            }
            if (beans.containsValue(base)) {
                throw refused(base, member, "a delegate is only called by a step, never taken apart in an expression");
            }
            if (base instanceof DelegateExecution || base instanceof DelegateTask || base instanceof VariableScope) {
                if (!SCOPE_MEMBERS.contains(plain)) {
                    throw refused(base, member, "allowed on execution/task: " + SCOPE_MEMBERS);
                }
                return;
            }
            if (!(base instanceof String || base instanceof Number || base instanceof Boolean || base instanceof Character
                    || base instanceof Date || base instanceof TemporalAccessor || base instanceof java.time.Duration
                    || base instanceof Enum<?> || base instanceof Collection<?> || base instanceof Map<?, ?>
                    || base.getClass().getName().startsWith("org.joda.time."))) {
                throw refused(base, member, "expressions only read plain values");
            }
        }

        private static ELException refused(Object base, Object member, String why) {
            return new ELException("Expression may not use '" + member + "' of " + base.getClass().getSimpleName() + ": " + why);
        }
    }
}
