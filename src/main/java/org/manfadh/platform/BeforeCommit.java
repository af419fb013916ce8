package org.manfadh.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a transaction announces, gathered and written once just before it commits: still inside the
 * transaction, so that the writing commits or rolls back with what was announced, and each item once
 * however often it was announced. Without a transaction the items are written at once; an item
 * announced after the batch was written (by another synchronisation) is written at once too. A
 * transaction of its own started inside this one (the audit's) gathers into its own batch.
 *
 * @param <T> what is announced (an id, or a kind and an id)
 */
public final class BeforeCommit<T> {

    private final Consumer<List<T>> write;

    /** @param write writes a batch, in the order the items were first announced */
    public BeforeCommit(Consumer<List<T>> write) {
        this.write = write;
    }

    public void announce(Collection<T> items) {
        if (items.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write.accept(List.copyOf(items));
            return;
        }
        @SuppressWarnings("unchecked")
        Batch batch = (Batch) TransactionSynchronizationManager.getResource(this);
        if (batch == null) {
            batch = new Batch();
            TransactionSynchronizationManager.bindResource(this, batch);
            TransactionSynchronizationManager.registerSynchronization(batch);
        }
        batch.add(items);
    }

    private final class Batch implements TransactionSynchronization {

        private final Set<T> items = new LinkedHashSet<>();
        private boolean written;

        void add(Collection<T> more) {
            if (written) {
                write.accept(List.copyOf(more));
            } else {
                items.addAll(more);
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            written = true;
            List<T> all = new ArrayList<>(items);
            items.clear();
            write.accept(all);
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(BeforeCommit.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(BeforeCommit.this, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(BeforeCommit.this);
        }
    }
}
