package org.manfadh.platform.internal;

import org.manfadh.platform.NodeRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class NodeRoleConfiguration {

    @Bean
    NodeRole nodeRole(Environment env) {
        return NodeRole.parse(env.getProperty("manfadh.node.role"), env.getProperty("manfadh.node.border-point"));
    }
}
