/**
 * Scheduled jobs that run once per cluster when several Hub nodes share one database: {@link
 * org.safeguardinghub.platform.scheduling.ClusterJobs}.
 */
@NullMarked
package org.safeguardinghub.platform.scheduling;

import org.jspecify.annotations.NullMarked;
