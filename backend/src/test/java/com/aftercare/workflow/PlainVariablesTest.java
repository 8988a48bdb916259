package com.aftercare.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;
import com.aftercare.support.IntegrationTest;

/**
 * The inbox reads plain variables straight from the engine's variable table (ADR 0079): for every plain kind, a row
 * read that way is the typed value the engine itself gives for the variable (value and type), and a kind that is not
 * plain is left to the engine. Fails if the engine ever stores a plain kind differently.
 */
class PlainVariablesTest extends IntegrationTest {

    @Autowired JdbcTemplate jdbc;

    @Test
    void aPlainRowIsTheTypedValueTheEngineGivesAndOtherKindsAreLeftToTheEngine() {
        Ticket ticket = report(Category.DEFECT);
        String instance = tickets.get(ticket.getId()).getProcessInstanceId();
        Map<String, TypedValue> set = new HashMap<>();
        set.put("pvText", Variables.stringValue("黑屏 since 08:00"));
        set.put("pvTextNull", Variables.stringValue(null));
        set.put("pvLong", Variables.longValue(9_007_199_254_740_993L));
        set.put("pvInteger", Variables.integerValue(-42));
        set.put("pvShort", Variables.shortValue((short) 7));
        set.put("pvDouble", Variables.doubleValue(0.1 + 0.2));
        set.put("pvTrue", Variables.booleanValue(true));
        set.put("pvFalse", Variables.booleanValue(false));
        set.put("pvDate", Variables.dateValue(new Date(1_796_083_200_123L)));
        set.put("pvNull", Variables.untypedNullValue());
        set.put("pvBytes", Variables.byteArrayValue(new byte[] { 1, 2, 3 }));
        set.forEach((name, value) -> runtimeService.setVariable(instance, name, value));

        Map<String, TypedValue> fromTable = new HashMap<>();
        Map<String, Boolean> plain = new HashMap<>();
        jdbc.query("select NAME_, TYPE_, TEXT_, LONG_, DOUBLE_ from ACT_RU_VARIABLE where PROC_INST_ID_ = ? and NAME_ like 'pv%'",
                rs -> {
                    TypedValue value = PlainVariables.value(rs.getString(2), rs.getString(3), rs.getObject(4, Long.class),
                            rs.getObject(5, Double.class));
                    plain.put(rs.getString(1), value != null);
                    if (value != null) {
                        fromTable.put(rs.getString(1), value);
                    }
                }, instance);

        assertThat(plain).as("every variable set was read").hasSize(set.size());
        assertThat(plain.get("pvBytes")).as("bytes are not plain: the engine reads them").isFalse();
        for (String name : set.keySet()) {
            if (name.equals("pvBytes")) {
                continue;
            }
            TypedValue engine = runtimeService.getVariableTyped(instance, name);
            assertThat(fromTable.get(name)).as(name).isNotNull();
            assertThat(fromTable.get(name).getValue()).as(name + " value").isEqualTo(engine.getValue());
            assertThat(fromTable.get(name).getType()).as(name + " type").isEqualTo(engine.getType());
        }
    }
}
