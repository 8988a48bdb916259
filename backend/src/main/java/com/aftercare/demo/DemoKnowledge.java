package com.aftercare.demo;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import com.aftercare.identity.Role;
import com.aftercare.knowledge.ArticleView;
import com.aftercare.knowledge.PublishArticle;
import com.aftercare.knowledge.ReadArticles;
import com.aftercare.knowledge.SubmitArticle;
import com.aftercare.knowledge.WriteArticle;

/**
 * Demo knowledge articles (IN-4), once, into an empty knowledge base, through the real flow: the desk writes and
 * sends each for review, the supervisor publishes it.
 */
@Component
@ConditionalOnProperty(name = "aftercare.demo.enabled", havingValue = "true")
class DemoKnowledge {

    private static final Logger log = LoggerFactory.getLogger(DemoKnowledge.class);

    private final ReadArticles read;
    private final WriteArticle write;
    private final SubmitArticle submit;
    private final PublishArticle publish;

    DemoKnowledge(ReadArticles read, WriteArticle write, SubmitArticle submit, PublishArticle publish) {
        this.read = read;
        this.write = write;
        this.submit = submit;
        this.publish = publish;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        try {
            actAs("desk", Role.SERVICE_DESK);
            if (!read.list(null, null, null).isEmpty()) {
                return;
            }
            for (var body : DemoArticles.ARTICLES) {
                actAs("desk", Role.SERVICE_DESK);
                ArticleView a = write.create(body);
                submit.submit(a.id());
                actAs("supervisor", Role.SUPERVISOR);
                publish.publish(a.id());
            }
            log.info("Demo knowledge base: {} published articles", DemoArticles.ARTICLES.size());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static void actAs(String user, Role role) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, null,
                List.of(new SimpleGrantedAuthority(role.authority()))));
    }
}
