package org.manfadh.platform.internal;

import java.util.UUID;

import org.manfadh.platform.Ids;
import org.manfadh.platform.NodeIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The node id is made once, at the first start, and kept in the database it belongs to. */
@Component
class NodeIdentityStore implements NodeIdentity, InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(NodeIdentityStore.class);

    private final JdbcClient jdbc;
    private volatile UUID nodeId;

    NodeIdentityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void afterPropertiesSet() {
        jdbc.sql("insert into platform.node (id) values (:id) on conflict (singleton) do nothing")
                .param("id", Ids.newId()).update();
        nodeId = jdbc.sql("select id from platform.node").query(UUID.class).single();
        log.info("Node id {}", nodeId);
    }

    @Override
    public UUID nodeId() {
        return nodeId;
    }
}
