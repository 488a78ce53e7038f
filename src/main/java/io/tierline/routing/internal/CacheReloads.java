package io.tierline.routing.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** The one background thread that reloads routing's per-node caches ({@link RefreshingCache}). */
@Component
class CacheReloads implements Executor, DisposableBean {

	private final ThreadPoolExecutor thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
		Thread t = new Thread(r, "routing-cache-reload");
		t.setDaemon(true);
		return t;
	});

	@Override
	public void execute(Runnable reload) {
		thread.execute(reload);
	}

	/**
	 * Drops the reloads still queued; one under way finishes. No interrupt: an interrupted thread in
	 * the middle of a JDBC call can close an H2 file database for everybody.
	 */
	@Override
	public void destroy() {
		thread.getQueue().clear();
		thread.shutdown();
	}
}
