package org.safeguardinghub.tasks;

import org.springframework.stereotype.Service;

/**
 * Raises tasks at once, in the caller's transaction, for work that already exists without the events that would have
 * raised them (the demo's open case work and actions). The same rule as a {@link TaskRequested} event: once per source
 * and addressee. Everything else publishes the event.
 */
@Service
public class TaskBacklog {

    private final TaskRecords tasks;

    TaskBacklog(TaskRecords tasks) {
        this.tasks = tasks;
    }

    public void raise(TaskRequested request) {
        tasks.raise(request);
    }
}
