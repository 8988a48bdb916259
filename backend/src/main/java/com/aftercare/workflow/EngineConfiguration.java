package com.aftercare.workflow;

import java.util.ArrayList;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DefaultCacheFactory;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Hardens and extends the embedded engine, so that what the deployment guard promises holds even
 * for a model that reaches the engine another way:
 * <ul>
 * <li>no script engines at all, and models with scripts or Java class delegates are refused at
 *     parse time ({@link ScriptFreeParseListener});</li>
 * <li>expressions in models see only the product's delegates and listeners ({@link EngineBeans}),
 *     never arbitrary beans (a deployed model must not reach, say, the DataSource), and cannot take
 *     apart the engine, classes or anything but plain values ({@link GuardedExpressionManager});</li>
 * <li>no CMMN;</li>
 * <li>no Java serialization of variables, no external entities in XML;</li>
 * <li>every step that declares a {@code ticketStatus} property moves the ticket to that status, and
 *     user tasks record their assignee on the ticket (see {@link TicketStepParseListener}).</li>
 * </ul>
 */
@Component
class EngineConfiguration extends AbstractProcessEnginePlugin {

    private final EngineBeans engineBeans;
    private final TicketStepParseListener ticketStepParseListener;

    private final boolean leanHistory;

    EngineConfiguration(EngineBeans engineBeans, TicketStepParseListener ticketStepParseListener,
            @Value("${aftercare.engine.lean-history:true}") boolean leanHistory) {
        this.engineBeans = engineBeans;
        this.ticketStepParseListener = ticketStepParseListener;
        this.leanHistory = leanHistory;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<BpmnParseListener>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new ScriptFreeParseListener());
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<BpmnParseListener>());
        }
        configuration.getCustomPostBPMNParseListeners().add(ticketStepParseListener);
        configuration.setScriptEngineResolver(new NoScriptEngines());
        configuration.setEnableXxeProcessing(false);
        configuration.setJavaSerializationFormatEnabled(false);
        configuration.setDeserializationTypeValidationEnabled(true);
        // Spring's factory bean has already built an expression manager that resolves *every* bean
        // and lets expressions call anything; replace it before the engine initialises.
        Map<Object, Object> allowList = engineBeans.lazyAllowList();
        configuration.setBeans(allowList);
        configuration.setExpressionManager(new GuardedExpressionManager(allowList));
        // the decision tables' trivial cells ("HIGH", -, a variable's name) answered without parsing FEEL; everything
        // else by the Scala FEEL engine Camunda would have built (LiteralFirstFeel, ADR 0062). Its custom functions are
        // read when the DMN engine is built, after the engine's configuration has handed them over.
        if (!configuration.isDmnFeelEnableLegacyBehavior()) {
            DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
            if (dmn == null) {
                dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
                configuration.setDmnEngineConfiguration(dmn);
            }
            DefaultDmnEngineConfiguration built = dmn;
            dmn.setFeelEngineFactory(() -> new LiteralFirstFeel((built.getFeelCustomFunctionProviders() == null
                    ? new ScalaFeelEngineFactory() : new ScalaFeelEngineFactory(built.getFeelCustomFunctionProviders()))
                    .createInstance()));
        }
        // the latest version of a key answered from the cache while one repository stamp per command is unchanged
        // (KnownLatestDefinitions, ADR 0065); the engine hands it its deployers in postInit
        if (configuration.getDeploymentCache() == null) {
            // the engine's defaults: its cache factory and 1,000 entries per kind (nothing here configures either)
            configuration.setDeploymentCache(new KnownLatestDefinitions(new DefaultCacheFactory(), 1000));
        }
        // no CMMN: one more model language, one more route in, and nothing of ours uses it
        configuration.setCmmnEnabled(false);
        // a closed case's engine history under 10 KB (ADRs 0056, 0058); the level object wins over camunda.bpm.history-level
        // (initHistoryLevel picks the *last* level whose name equals camunda.bpm.history-level, and custom levels come
        // after the built-in ones: named "full", this one is chosen while the database keeps full's id)
        if (leanHistory) {
            if (configuration.getCustomHistoryLevels() == null) {
                configuration.setCustomHistoryLevels(new ArrayList<>());
            }
            configuration.getCustomHistoryLevels().add(new ProductHistoryLevel());
            // the engine's own database handler would write every event the level produces; ours writes what the
            // product reads (ADR 0058). First in the list: handlers added later (tests) see the same events.
            configuration.setEnableDefaultDbHistoryEventHandler(false);
            if (configuration.getCustomHistoryEventHandlers() == null) {
                configuration.setCustomHistoryEventHandlers(new ArrayList<>());
            }
            configuration.getCustomHistoryEventHandlers().add(0, new ProductHistoryWriter());
        }
    }

    /**
     * The engine builds its deployers after preInit and hands them only to a deployment cache it created itself: ours
     * (set in preInit) gets them here, as the engine's own would have.
     */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getDeploymentCache() instanceof KnownLatestDefinitions known && configuration.getDeployers() != null) {
            known.setDeployers(configuration.getDeployers());
        }
    }
}
