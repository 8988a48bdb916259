package com.aftercare.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.type.AbstractFormFieldType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The forms of many tasks at once, as {@link FormService#getTaskFormData} shows them one by one. The engine
 * reads each task, its execution and its variables for that (about three statements a task); here the fields
 * of each kind of task (process definition version × task) are read once and kept (a deployed version never
 * changes), and the labels, default values and current values are worked out from variables the caller loaded
 * in one batch, with the engine's own expressions and form types, so the result is the same.
 */
@Component
class TaskForms {

    /** An expression that reads the execution or task itself, not only variables: such forms are left to the engine. */
    private static final Pattern READS_THE_SCOPE = Pattern.compile("\\b(execution|task|authenticatedUserId)\\b");

    private final FormService formService;
    private final RepositoryService repositoryService;
    private final ProcessEngineConfigurationImpl engine;
    /** Bounded: versions pile up as process owners deploy, and old ones only matter while their tasks run. */
    private final Cache<String, FormTemplate> templates = Caffeine.newBuilder().maximumSize(1_000).build();

    TaskForms(FormService formService, RepositoryService repositoryService, ProcessEngine processEngine) {
        this.formService = formService;
        this.repositoryService = repositoryService;
        this.engine = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    }

    /** A field as parsed (type, constraints, options, properties) with the model's label and default value text. */
    private record FieldTemplate(FormField field, String labelText, String defaultText) {
    }

    private record FormTemplate(List<FieldTemplate> fields, boolean readsTheScope) {
    }

    /**
     * The form fields of each task by task id; a task completed by someone else while the inbox was being read has no
     * entry (the inbox leaves it out rather than fail the whole list). {@code variables} holds, per task id, the variables visible from the
     * task's execution (the scope the engine evaluates a task form in).
     */
    Map<String, List<TaskView.FormFieldView>> fieldsOf(List<Task> tasks, Map<String, Map<String, TypedValue>> variables) {
        Map<String, FormTemplate> templateOfTask = new HashMap<>();
        for (Task task : tasks) {
            try {
                templateOfTask.put(task.getId(), templates.get(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
                        key -> template(task)));
            } catch (NullValueException gone) {
                // completed by someone else since the inbox was listed: it has no form any more, and no entry here
            }
        }
        Map<String, List<TaskView.FormFieldView>> fields = engine.getCommandExecutorTxRequired().execute(context -> {
            Map<String, List<TaskView.FormFieldView>> evaluated = new HashMap<>();
            for (Task task : tasks) {
                FormTemplate template = templateOfTask.get(task.getId());
                if (template != null && !template.readsTheScope()) {
                    List<TaskView.FormFieldView> views = evaluate(template, variables.getOrDefault(task.getId(), Map.of()));
                    if (views != null) {
                        evaluated.put(task.getId(), views);
                    }
                }
            }
            return evaluated;
        });
        for (Task task : tasks) {
            if (!templateOfTask.containsKey(task.getId())) {
                continue;
            }
            // rare: a form whose expressions need the execution or failed on the batch; the engine reads it itself
            try {
                fields.computeIfAbsent(task.getId(), id -> formService.getTaskFormData(id).getFormFields().stream()
                        .map(f -> view(f, f.getLabel(), f.getValue())).toList());
            } catch (NullValueException gone) {
                fields.remove(task.getId()); // completed meanwhile, as above
            }
        }
        return fields;
    }

    /** Inside an engine command (expressions need its context); null if an expression fails, so the engine decides. */
    private List<TaskView.FormFieldView> evaluate(FormTemplate template, Map<String, TypedValue> variables) {
        KnownVariables scope = new KnownVariables(variables);
        List<TaskView.FormFieldView> views = new ArrayList<>();
        try {
            for (FieldTemplate t : template.fields()) {
                FormField field = t.field();
                AbstractFormFieldType type = (AbstractFormFieldType) field.getType();
                Object label = t.labelText() == null ? null : expression(t.labelText()).getValue(scope);
                Object modelDefault = null;
                if (t.defaultText() != null) {
                    Object value = expression(t.defaultText()).getValue(scope);
                    modelDefault = value == null ? null : type.convertFormValueToModelValue(value);
                }
                // as the engine's FormFieldHandler: the variable of the field's name if there is one, else the default
                TypedValue current = variables.get(field.getId());
                TypedValue value = current != null ? type.convertToFormValue(current)
                        : type.convertToFormValue(type.convertToModelValue(Variables.untypedValue(modelDefault)));
                views.add(view(field, label == null ? null : label.toString(), value));
            }
        } catch (RuntimeException e) {
            return null;
        }
        return views;
    }

    private org.camunda.bpm.engine.impl.el.Expression expression(String text) {
        return engine.getExpressionManager().createExpression(text);
    }

    static TaskView.FormFieldView view(FormField field, String label, TypedValue value) {
        List<TaskView.Option> options = new ArrayList<>();
        FormValues.enumValues(field).forEach((id, name) -> options.add(new TaskView.Option(id, name)));
        Object defaultValue = value == null ? null : value.getValue();
        return new TaskView.FormFieldView(field.getId(), label, field.getTypeName(), FormValues.isRequired(field), defaultValue,
                options.isEmpty() ? null : options, new LinkedHashMap<>(field.getProperties()), FormValues.maxLength(field));
    }

    /** Read once per kind of task: the engine's parsed fields of one such task, and the texts the model gives them. */
    private FormTemplate template(Task task) {
        List<FormField> parsed = formService.getTaskFormData(task.getId()).getFormFields();
        Map<String, CamundaFormField> declared = declaredFields(task);
        List<FieldTemplate> fields = new ArrayList<>();
        boolean readsTheScope = false;
        for (FormField field : parsed) {
            CamundaFormField source = declared.get(field.getId());
            if (source == null) {
                readsTheScope = true; // not a plain camunda:formField: let the engine build it
                continue;
            }
            String label = source.getCamundaLabel();
            String defaultValue = source.getCamundaDefaultValue();
            readsTheScope |= label != null && READS_THE_SCOPE.matcher(label).find();
            readsTheScope |= defaultValue != null && READS_THE_SCOPE.matcher(defaultValue).find();
            fields.add(new FieldTemplate(field, label, defaultValue));
        }
        return new FormTemplate(List.copyOf(fields), readsTheScope);
    }

    private Map<String, CamundaFormField> declaredFields(Task task) {
        ModelElementInstance element = repositoryService.getBpmnModelInstance(task.getProcessDefinitionId())
                .getModelElementById(task.getTaskDefinitionKey());
        Map<String, CamundaFormField> fields = new HashMap<>();
        if (element instanceof UserTask userTask && userTask.getExtensionElements() != null) {
            for (CamundaFormData data : userTask.getExtensionElements().getElementsQuery().filterByType(CamundaFormData.class).list()) {
                data.getCamundaFormFields().forEach(f -> fields.put(f.getCamundaId(), f));
            }
        }
        return fields;
    }
}
